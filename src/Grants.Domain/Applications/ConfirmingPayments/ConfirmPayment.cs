using Grants.Domain.Ledgers;

namespace Grants.Domain.Applications.ConfirmingPayments;

/// <summary>The treasury reports an instructed tranche as paid.</summary>
public sealed record ConfirmPayment(
    ApplicationId ApplicationId,
    string Reference,
    string TreasuryReference,
    DateOnly PaidOn) : IApplicationCommand;

/// <summary>Ledgers: <paramref name="Amount"/> moves from committed to paid, and is added to the beneficiary's paid total.</summary>
public sealed record PaymentConfirmed(
    ApplicationId ApplicationId,
    string Reference,
    int TrancheNumber,
    Money Amount,
    string TreasuryReference,
    DateOnly PaidOn,
    LedgerKeys Ledger) : IMoneyEvent
{
    public const string Name = "payment_confirmed.v1";
}
