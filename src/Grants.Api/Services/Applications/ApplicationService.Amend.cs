using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Amending;
using Grpc.Core;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Applications;

/// <summary>AmendAward: the award moves up or down; the original stays and the difference moves the ledgers.</summary>
public sealed partial class ApplicationService
{
    private static readonly Dictionary<string, string> AmendFields = new()
    {
        ["approver"] = "officer.id", ["approver_bureau"] = "officer.bureau_code", ["new_amount"] = "new_amount_fen",
    };

    public override Task<AmendAwardResponse> AmendAward(AmendAwardRequest request, ServerCallContext context) =>
        guard.Execute<AmendAwardRequest, AmendAwardResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var id = checks.ApplicationId(request.ApplicationId);
            var (approver, bureau) = checks.Officer(request.Officer, "officer");
            var amount = checks.Amount(request.NewAmountFen, "new_amount_fen");
            var reason = checks.Text(request.Reason, "reason", WireChecks.ReasonMax);
            var amendedOn = checks.Date(request.AmendedOn, "amended_on");
            checks.ThrowIfInvalid();

            var caller = CallerContext.Of(context);
            caller.EnsureBureau(bureau);
            var command = new AmendAward(id, approver, bureau, amount, reason, amendedOn!.Value);
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsureCanReach(caller, d.Catalog, d.State);
                    return ApplicationDecider.Decide(command, d.State, d.Context);
                },
                r => new AmendAwardResponse { Application = ApplicationView.Build(r) },
                new ApplicationWriteOptions(Note: StepNotes.By(request.Officer), FieldNames: AmendFields));
        });
}
