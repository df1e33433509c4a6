using Grants.Domain.Ledgers;

namespace Grants.Domain.Applications.RecoveringClawbacks;

public enum RecoveryKind
{
    /// <summary>The beneficiary paid the money back.</summary>
    Repaid,

    /// <summary>The money was withheld from a later disbursement to the same beneficiary.</summary>
    Offset,
}

/// <summary>The beneficiary repaid (part of) a clawback; <paramref name="PaymentReference"/> is the bank's reference.</summary>
public sealed record RecordClawbackRepayment(
    ApplicationId ApplicationId,
    ClawbackId ClawbackId,
    Money Amount,
    string PaymentReference,
    DateOnly RecoveredOn) : IApplicationCommand;

/// <summary>(Part of) a clawback was withheld from a later tranche to the same beneficiary, possibly under another
/// application; the decider needs that application's state in <see cref="ApplicationContext.OffsetAgainst"/>.</summary>
public sealed record OffsetClawback(
    ApplicationId ApplicationId,
    ClawbackId ClawbackId,
    Money Amount,
    ApplicationId AgainstApplication,
    string AgainstTrancheReference,
    DateOnly RecoveredOn) : IApplicationCommand;

/// <summary>Ledgers: <paramref name="Amount"/> is added to recovered on the award's budget line. Paid is not reduced
/// (the money was paid; recovery is its own column), and the beneficiary's awarded total is unchanged, so a clawback
/// never reopens headroom under a cumulative cap. <paramref name="Reference"/> is the bank reference of a repayment
/// or the tranche reference the offset was withheld from (then <paramref name="OffsetApplication"/> is its application).</summary>
public sealed record ClawbackRecovered(
    ApplicationId ApplicationId,
    ClawbackId ClawbackId,
    RecoveryKind Kind,
    Money Amount,
    string Reference,
    ApplicationId? OffsetApplication,
    DateOnly RecoveredOn,
    LedgerKeys Ledger) : IMoneyEvent
{
    public const string Name = "clawback_recovered.v1";
}
