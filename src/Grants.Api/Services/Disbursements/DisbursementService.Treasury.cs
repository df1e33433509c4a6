using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Api.Services.Applications;
using Grants.Contracts.V1;
using ApplicationDecider = Grants.Domain.Applications.ApplicationDecider;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.RecordingReturns;
using Grpc.Core;

namespace Grants.Api.Services.Disbursements;

/// <summary>What the treasury reports back about a tranche, quoting its payment reference.</summary>
public sealed partial class DisbursementService
{
    public override Task<ConfirmPaymentResponse> ConfirmPayment(ConfirmPaymentRequest request, ServerCallContext context) =>
        guard.Execute<ConfirmPaymentRequest, ConfirmPaymentResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var reference = checks.Id(request.PaymentReference, "payment_reference");
            var amount = checks.AmountOrZero(request.AmountFen, "amount_fen");
            var paidOn = checks.Date(request.PaidOn, "paid_on");
            var treasuryReference = checks.Name(request.TreasuryReference, "treasury_reference", WireChecks.ReferenceMax);
            checks.ThrowIfInvalid();

            var id = PaymentReferences.ApplicationOf(reference);
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsurePayingBureau(CallerContext.Of(context), d.Catalog, d.State);
                    return ApplicationDecider.Decide(new ConfirmPayment(id, reference, treasuryReference, paidOn!.Value), d.State, d.Context);
                },
                r => new ConfirmPaymentResponse { Tranche = TrancheOf(r, reference) },
                new ApplicationWriteOptions(FieldNames: Fields,
                    BeforeCommit: (c, t, ct) => PaymentReferences.EnsureNetAmount(c, t, reference, amount, "the amount to pay", ct)));
        });

    public override Task<RecordReturnResponse> RecordReturn(RecordReturnRequest request, ServerCallContext context) =>
        guard.Execute<RecordReturnRequest, RecordReturnResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var reference = checks.Id(request.PaymentReference, "payment_reference");
            var amount = checks.Amount(request.AmountFen, "amount_fen");
            var returnedOn = checks.Date(request.ReturnedOn, "returned_on");
            var reason = checks.Text(request.Reason, "reason", WireChecks.ReasonMax);
            checks.ThrowIfInvalid();

            // The ledgers move whole tranches back (a partial return would leave paid and returned both half true),
            // so the return must be of everything the treasury paid on it.
            var id = PaymentReferences.ApplicationOf(reference);
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsurePayingBureau(CallerContext.Of(context), d.Catalog, d.State);
                    return ApplicationDecider.Decide(new RecordPaymentReturn(id, reference, reason, returnedOn!.Value), d.State, d.Context);
                },
                r => new RecordReturnResponse { Tranche = TrancheOf(r, reference) },
                new ApplicationWriteOptions(FieldNames: Fields,
                    BeforeCommit: (c, t, ct) => PaymentReferences.EnsureNetAmount(c, t, reference, amount, "what was paid, and can come back,", ct)));
        });
}
