using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Ledgers;
using Grants.EventStore;
using Npgsql;

namespace Grants.Projections.Ledgers;

/// <summary>The budget lines a group-commit batch crowds on (a bureau's deadline rush): each is read once under lock
/// and its commitments are checked here, then written as one UPDATE with the chain step, instead of one conditional
/// UPDATE per approval. The lock is held from that read to the batch's commit, so nothing but this batch moves the
/// line meanwhile and the check here is the one the database would make; the table's CHECK still refuses anything
/// else, failing the whole batch. Any other write to such a line (a payment, an adjustment) first writes what is held
/// here, and the line is then written statement by statement for the rest of the batch.</summary>
internal sealed class CrowdedBudgetLines : IBatchParticipant
{
    private readonly Dictionary<BudgetKey, Line> _lines = [];

    private sealed class Line(BudgetLedger locked)
    {
        public BudgetLedger Locked { get; } = locked;

        /// <summary>The command whose savepoint holds the row lock until it is kept; null once kept.</summary>
        public LateWrites? ReadBy { get; set; }

        /// <summary>Commitments of kept commands not written yet, and the time of the last.</summary>
        public Money Unwritten { get; set; } = Money.Zero;

        public DateTimeOffset UnwrittenAt { get; set; }

        /// <summary>Commitments of the command in progress (<see cref="Owner"/>), kept with it or forgotten.</summary>
        public Money Tentative { get; set; } = Money.Zero;

        public DateTimeOffset TentativeAt { get; set; }

        public LateWrites? Owner { get; set; }

        /// <summary>Written statement by statement from here on (or no row to lock).</summary>
        public bool Direct { get; set; }

        public BudgetLedger Now => Locked with { Committed = Locked.Committed + Unwritten + Tentative };
    }

    /// <returns>False when the line is written statement by statement; the caller writes it.</returns>
    public async ValueTask<bool> TryCommit(BudgetKey key, Money amount, LateWrites late, DateTimeOffset at,
                                           NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        var line = await Locked(key, late, c, t, ct);
        if (line.Direct)
            return false;
        Own(line, late);
        if (line.Now.CheckCommit(key, amount) is { } breach)
        {
            // Refused in its place among the command's late writes, so a rule an earlier write breaks is named first.
            var refusal = new LedgerRefusedException(DomainError.Breach(LedgerErrorCodes.AppropriationExceeded, breach, "amount_fen"));
            late.Add("select grants.refuse_unless(false, 'appropriation_exceeded')", [],
                LedgerLateWrite.Explain("budget ledger", (_, _, _) => Task.FromResult<Exception>(refusal)));
            return true;
        }
        (line.Tentative, line.TentativeAt) = (line.Tentative + amount, at);
        return true;
    }

    /// <summary>Before a statement writes the line: what is held here is written first, in the same command.</summary>
    public void BeforeWriting(BudgetKey key, LateWrites late, DateTimeOffset at)
    {
        if (!_lines.TryGetValue(key, out var line) || line.Direct)
            return;
        Own(line, late);
        if (line.Unwritten + line.Tentative is { Fen: not 0 } owed)
            late.Add(Commitment, Args(key, owed, at), LedgerLateWrite.Explain("budget ledger", null));
        late.WhenKept(() => (line.Direct, line.Unwritten, line.Tentative) = (true, Money.Zero, Money.Zero));
    }

    public void Close(LateWrites late)
    {
        foreach (var (key, line) in _lines)
        {
            if (!line.Direct && line.Unwritten.Fen != 0)
                late.Add(Commitment, Args(key, line.Unwritten, line.UnwrittenAt), LedgerLateWrite.Explain("budget ledger", null));
        }
    }

    private const string Commitment = """
        update grants.budget_ledgers set committed_fen = committed_fen + $4, updated_at = $5
         where bureau = $1 and fiscal_year = $2 and measure_id = $3
        """;

    private static object[] Args(BudgetKey key, Money amount, DateTimeOffset at) =>
        [key.Bureau.Value, key.FiscalYear, key.Measure.Value, amount.Fen, at];

    /// <summary>The line as this batch holds it, read under lock the first time, or again when the command that read
    /// it was rolled back (with its savepoint went its lock).</summary>
    private async ValueTask<Line> Locked(BudgetKey key, LateWrites late, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        if (_lines.TryGetValue(key, out var held) && (held.ReadBy is null || held.ReadBy == late))
            return held;
        var row = await BudgetLedgerWriter.Find(c, t, key, forUpdate: true, ct);
        var line = row is null ? new Line(BudgetLedger.Empty) { Direct = true } : new Line(row) { ReadBy = late };
        late.WhenKept(() => line.ReadBy = null);
        return _lines[key] = line;
    }

    /// <summary>Makes <paramref name="late"/>'s command the one whose commitments are tentative: an earlier owner's
    /// were kept already or rolled back.</summary>
    private static void Own(Line line, LateWrites late)
    {
        if (line.Owner == late)
            return;
        (line.Owner, line.Tentative) = (late, Money.Zero);
        late.WhenKept(() =>
        {
            if (line.Tentative.Fen != 0)
                (line.Unwritten, line.UnwrittenAt) = (line.Unwritten + line.Tentative, line.TentativeAt);
            (line.Tentative, line.Owner) = (Money.Zero, null);
        });
    }
}
