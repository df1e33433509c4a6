using Grants.Domain;
using Grants.Domain.Ledgers;
using Grants.EventStore;

namespace Grants.Projections.Ledgers;

/// <summary>One crowded budget line in a batch's memory (<see cref="CrowdedBudgetLines"/>). A command's changes here
/// are made as it runs and confirmed when the batch keeps it; an unconfirmed change met by another command, or by the
/// batch's close, belongs to a command that was rolled back and is undone.</summary>
internal sealed class CrowdedLine(BudgetLedger locked)
{
    /// <summary>The row as read under lock.</summary>
    public BudgetLedger Locked { get; } = locked;

    /// <summary>The command whose savepoint holds the row lock until it is kept; null once kept.</summary>
    public LateWrites? ReadBy { get; set; }

    /// <summary>Commitments of kept commands not written yet, and the time of the last.</summary>
    public Money Unwritten { get; private set; } = Money.Zero;

    public DateTimeOffset UnwrittenAt { get; private set; }

    /// <summary>Commitments of the command in progress (<see cref="Owner"/>), kept with it or forgotten.</summary>
    public Money Tentative { get; set; } = Money.Zero;

    public DateTimeOffset TentativeAt { get; set; }

    private LateWrites? Owner { get; set; }

    /// <summary>Written statement by statement (or no row to lock).</summary>
    public bool Direct { get; private set; }

    /// <summary>The command that wrote what was held and made the line direct, until it is kept.</summary>
    private LateWrites? DirectBy { get; set; }

    public BudgetLedger Now => Locked with { Committed = Locked.Committed + Unwritten + Tentative };

    public static CrowdedLine WithoutRow() => new(BudgetLedger.Empty) { Direct = true };

    /// <summary>Makes <paramref name="late"/>'s command the one whose commitments are tentative: an earlier owner's
    /// were kept already or rolled back.</summary>
    public void Own(LateWrites late)
    {
        if (Owner == late)
            return;
        (Owner, Tentative) = (late, Money.Zero);
        late.WhenKept(() =>
        {
            if (Tentative.Fen != 0)
                (Unwritten, UnwrittenAt) = (Unwritten + Tentative, TentativeAt);
            (Tentative, Owner) = (Money.Zero, null);
        });
    }

    /// <summary>From <paramref name="late"/>'s command on, the line goes statement by statement; what was held is in
    /// its writes, so once it is kept nothing is left to write at the close.</summary>
    public void GoDirect(LateWrites late)
    {
        (Direct, DirectBy) = (true, late);
        late.WhenKept(() => (DirectBy, Unwritten, Tentative) = (null, Money.Zero, Money.Zero));
    }

    /// <summary>Undoes what a command rolled back did here: it went direct and was not kept, so what it wrote of the
    /// held commitments was rolled back with it.</summary>
    /// <param name="current">The command now touching the line (null at the close).</param>
    public void Settle(LateWrites? current)
    {
        if (DirectBy is not null && DirectBy != current)
            (Direct, DirectBy) = (false, null);
    }
}
