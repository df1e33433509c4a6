using Grants.Domain.Ledgers;

namespace Grants.Domain.Applications.RecordingReturns;

/// <summary>A confirmed payment came back (closed account, wrong payee); the award may be paid again in a new tranche.</summary>
public sealed record RecordPaymentReturn(
    ApplicationId ApplicationId,
    string Reference,
    string Reason,
    DateOnly ReturnedOn) : IApplicationCommand;

/// <summary>Ledgers: <paramref name="Amount"/> moves back from paid to committed, and leaves the beneficiary's paid total.</summary>
public sealed record PaymentReturned(
    ApplicationId ApplicationId,
    string Reference,
    int TrancheNumber,
    Money Amount,
    string Reason,
    DateOnly ReturnedOn,
    LedgerKeys Ledger) : IMoneyEvent
{
    public const string Name = "payment_returned.v1";
}
