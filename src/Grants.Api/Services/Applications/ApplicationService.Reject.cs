using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Rejecting;
using Grpc.Core;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Applications;

/// <summary>Reject: an assessed application is declined, with the reason.</summary>
public sealed partial class ApplicationService
{
    private static readonly Dictionary<string, string> RejectFields = new()
    {
        ["official"] = "officer.id", ["official_bureau"] = "officer.bureau_code", ["rejected_on"] = "decided_on",
    };

    public override Task<RejectResponse> Reject(RejectRequest request, ServerCallContext context) =>
        guard.Execute<RejectRequest, RejectResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var id = checks.ApplicationId(request.ApplicationId);
            var (official, bureau) = checks.Officer(request.Officer, "officer");
            var decidedOn = checks.Date(request.DecidedOn, "decided_on");
            var reason = checks.Text(request.Reason, "reason", WireChecks.ReasonMax);
            checks.ThrowIfInvalid();

            CallerContext.Of(context).EnsureBureau(bureau);
            var command = new RejectApplication(id, official, bureau, reason, decidedOn!.Value);
            return await _writes.Run(write, id, d => ApplicationDecider.Decide(command, d.State, d.Context),
                r => new RejectResponse { Application = ApplicationView.Build(r) },
                new ApplicationWriteOptions(Note: StepNotes.By(request.Officer), FieldNames: RejectFields));
        });
}
