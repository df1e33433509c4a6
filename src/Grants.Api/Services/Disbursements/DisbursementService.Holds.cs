using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Services.Applications;
using Grants.Contracts.V1;
using Grants.Domain.Applications.HoldingPayments;
using Grants.Domain.Applications.ReleasingPayments;
using Grpc.Core;
using ApplicationDecider = Grants.Domain.Applications.ApplicationDecider;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Disbursements;

/// <summary>Payment holds: while one is on, no tranche is instructed or confirmed.</summary>
public sealed partial class DisbursementService
{
    public override Task<HoldPaymentsResponse> HoldPayments(HoldPaymentsRequest request, ServerCallContext context) =>
        guard.Execute<HoldPaymentsRequest, HoldPaymentsResponse>(context, request, async write =>
        {
            var (id, reason) = CheckHold(request.ApplicationId, request.Reason, request.Officer, context);
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsurePayingBureau(CallerContext.Of(context), d.Catalog, d.State);
                    return ApplicationDecider.Decide(new HoldPayments(id, reason, time.Today()), d.State, d.Context);
                },
                r => new HoldPaymentsResponse { Hold = ApplicationView.Build(r).Hold },
                new ApplicationWriteOptions(Note: StepNotes.By(request.Officer), FieldNames: Fields));
        });

    public override Task<ReleasePaymentsResponse> ReleasePayments(ReleasePaymentsRequest request, ServerCallContext context) =>
        guard.Execute<ReleasePaymentsRequest, ReleasePaymentsResponse>(context, request, async write =>
        {
            var (id, reason) = CheckHold(request.ApplicationId, request.Reason, request.Officer, context);
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsurePayingBureau(CallerContext.Of(context), d.Catalog, d.State);
                    return ApplicationDecider.Decide(new ReleasePayments(id, reason, time.Today()), d.State, d.Context);
                },
                r => new ReleasePaymentsResponse { Hold = ApplicationView.Build(r).Hold },
                new ApplicationWriteOptions(Note: StepNotes.By(request.Officer), FieldNames: Fields));
        });

    private static (ApplicationId Id, string Reason) CheckHold(string applicationId, string reason, Officer? officer, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var id = checks.ApplicationId(applicationId);
        var text = checks.Text(reason, "reason", WireChecks.ReasonMax);
        var (_, bureau) = checks.Officer(officer, "officer");
        checks.ThrowIfInvalid();
        CallerContext.Of(context).EnsureBureau(bureau);
        return (id, text);
    }
}
