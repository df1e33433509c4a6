using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Api.Services.Applications;
using Grants.Contracts.V1;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.WritingOffClawbacks;
using Grpc.Core;
using ApplicationDecider = Grants.Domain.Applications.ApplicationDecider;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Clawbacks;

/// <summary>Settling a clawback by repayment or write-off; the last one to settle closes the award.</summary>
public sealed partial class ClawbackService
{
    public override Task<RecordRecoveryResponse> RecordRecovery(RecordRecoveryRequest request, ServerCallContext context) =>
        guard.Execute<RecordRecoveryRequest, RecordRecoveryResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var clawback = checks.Id(request.ClawbackId, "clawback_id");
            var amount = checks.Amount(request.AmountFen, "amount_fen");
            var receivedOn = checks.Date(request.ReceivedOn, "received_on");
            var treasuryReference = checks.Name(request.TreasuryReference, "treasury_reference", WireChecks.ReferenceMax);
            checks.ThrowIfInvalid();

            var (id, clawbackId) = ClawbackIds.Parse(clawback);
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsurePayingBureau(CallerContext.Of(context), d.Catalog, d.State);
                    var command = new RecordClawbackRepayment(id, clawbackId, amount, treasuryReference, receivedOn!.Value);
                    return ApplicationDecider.Decide(command, d.State, d.Context).ThenCloseIfSettled(d, receivedOn.Value);
                },
                r => new RecordRecoveryResponse { Clawback = ClawbackOf(r, clawback) },
                new ApplicationWriteOptions(FieldNames: Fields));
        });

    public override Task<WriteOffResponse> WriteOff(WriteOffRequest request, ServerCallContext context) =>
        guard.Execute<WriteOffRequest, WriteOffResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var clawback = checks.Id(request.ClawbackId, "clawback_id");
            var reason = checks.Text(request.Reason, "reason", WireChecks.ReasonMax);
            var (_, bureau) = checks.Officer(request.Officer, "officer");
            var writtenOffOn = checks.Date(request.WrittenOffOn, "written_off_on");
            checks.ThrowIfInvalid();

            var caller = CallerContext.Of(context);
            caller.EnsureBureau(bureau);
            var (id, clawbackId) = ClawbackIds.Parse(clawback);
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsurePayingBureau(caller, d.Catalog, d.State);
                    var command = new WriteOffClawback(id, clawbackId, reason, writtenOffOn!.Value);
                    return ApplicationDecider.Decide(command, d.State, d.Context).ThenCloseIfSettled(d, writtenOffOn.Value);
                },
                r => new WriteOffResponse { Clawback = ClawbackOf(r, clawback) },
                new ApplicationWriteOptions(Note: StepNotes.By(request.Officer), FieldNames: Fields));
        });
}
