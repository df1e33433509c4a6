using Grants.Domain.Ledgers;

namespace Grants.Domain.Applications.WritingOffClawbacks;

/// <summary>Give up recovering the rest of a clawback (e.g. the beneficiary was dissolved).</summary>
public sealed record WriteOffClawback(ApplicationId ApplicationId, ClawbackId ClawbackId, string Reason, DateOnly WrittenOffOn) : IApplicationCommand;

/// <summary><paramref name="Amount"/> is what was still outstanding. Ledgers: nothing moves (nothing is released).</summary>
public sealed record ClawbackWrittenOff(
    ApplicationId ApplicationId,
    ClawbackId ClawbackId,
    Money Amount,
    string Reason,
    DateOnly WrittenOffOn,
    LedgerKeys Ledger) : IMoneyEvent
{
    public const string Name = "clawback_written_off.v1";
}
