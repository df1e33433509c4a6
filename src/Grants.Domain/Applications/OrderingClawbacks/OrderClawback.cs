using Grants.Domain.Ledgers;

namespace Grants.Domain.Applications.OrderingClawbacks;

/// <summary>Order money paid on the award to be recovered (追回). The orderer may not be one of the award's approvers.</summary>
public sealed record OrderClawback(
    ApplicationId ApplicationId,
    ClawbackId ClawbackId,
    OfficialId OrderedBy,
    string Reason,
    Money Amount,
    DateOnly OrderedOn) : IApplicationCommand;

/// <summary>Ledgers: nothing moves; a claim is not money until it is recovered.</summary>
public sealed record ClawbackOrdered(
    ApplicationId ApplicationId,
    ClawbackId ClawbackId,
    OfficialId OrderedBy,
    string Reason,
    Money Amount,
    DateOnly OrderedOn,
    LedgerKeys Ledger) : IMoneyEvent
{
    public const string Name = "clawback_ordered.v1";
}
