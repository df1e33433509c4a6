using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Domain.Applications;
using Grants.Domain.Applications.ConfirmingEligibility;
using Grants.Domain.Applications.RejectingEligibility;
using Grpc.Core;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Applications;

/// <summary>The eligibility check (形式审查), by an officer of a bureau responsible for the measure.</summary>
public sealed partial class ApplicationService
{
    private static readonly Dictionary<string, string> EligibilityFields = new()
    {
        ["confirmed_on"] = "decided_on", ["rejected_on"] = "decided_on",
    };

    public override Task<ConfirmEligibilityResponse> ConfirmEligibility(ConfirmEligibilityRequest request, ServerCallContext context) =>
        guard.Execute<ConfirmEligibilityRequest, ConfirmEligibilityResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var id = checks.ApplicationId(request.ApplicationId);
            var (_, bureau) = checks.Officer(request.Officer, "officer");
            var decidedOn = checks.Date(request.DecidedOn, "decided_on");
            var note = checks.Text(request.Note, "note", WireChecks.ReasonMax, required: false);
            checks.ThrowIfInvalid();

            var command = new ConfirmEligibility(id, note.Length == 0 ? null : note, decidedOn!.Value);
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsureResponsibleOfficer(CallerContext.Of(context), d.Catalog, d.State, bureau);
                    return ApplicationDecider.Decide(command, d.State, d.Context);
                },
                r => new ConfirmEligibilityResponse { Application = ApplicationView.Build(r) },
                new ApplicationWriteOptions(Note: StepNotes.By(request.Officer), FieldNames: EligibilityFields));
        });

    public override Task<RejectEligibilityResponse> RejectEligibility(RejectEligibilityRequest request, ServerCallContext context) =>
        guard.Execute<RejectEligibilityRequest, RejectEligibilityResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var id = checks.ApplicationId(request.ApplicationId);
            var (_, bureau) = checks.Officer(request.Officer, "officer");
            var decidedOn = checks.Date(request.DecidedOn, "decided_on");
            var reason = checks.Text(request.Reason, "reason", WireChecks.ReasonMax);
            checks.ThrowIfInvalid();

            var command = new RejectEligibility(id, reason, decidedOn!.Value);
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsureResponsibleOfficer(CallerContext.Of(context), d.Catalog, d.State, bureau);
                    return ApplicationDecider.Decide(command, d.State, d.Context);
                },
                r => new RejectEligibilityResponse { Application = ApplicationView.Build(r) },
                new ApplicationWriteOptions(Note: StepNotes.By(request.Officer), FieldNames: EligibilityFields));
        });
}
