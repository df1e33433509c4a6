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
/// here, in the same command, and the line is written statement by statement from then on. What a command did to a
/// line counts once the batch keeps it (<see cref="LateWrites.WhenKept"/>); a command rolled back to its savepoint
/// is found out by the next command that touches the line, and its effects here are undone then. Under the server's
/// partitioning by budget line the batch locks its crowded lines before any command runs (<see cref="Open"/>); any
/// other line is read under lock by the first command that commits on it.</summary>
internal sealed class CrowdedBudgetLines : IBatchParticipant
{
    private readonly Dictionary<BudgetKey, CrowdedLine> _lines = [];

    /// <summary>Locks the lines the batch's partitions stand for, in one order for every batch, outside every
    /// command's savepoint: a command refused and rolled back leaves the lock with the batch.</summary>
    public static ClaimRead? Open(BatchScope scope)
    {
        var keys = scope.Crowded
            .Select(c => BudgetPartition.LineOf(c.First) is { } key && key.StreamId == c.Partition ? key : null)
            .OfType<BudgetKey>()
            .OrderBy(k => k.StreamId, StringComparer.Ordinal)
            .ToList();
        if (keys.Count == 0)
            return null;
        var lines = scope.Participant<CrowdedBudgetLines>();
        return new ClaimRead(
            () => keys.Select(key => BudgetLedgerWriter.FindForUpdate(key)),
            async (reader, ct) =>
            {
                for (var i = 0; i < keys.Count; i++)
                {
                    if (i > 0)
                        await reader.NextResultAsync(ct);
                    var row = await BudgetLedgerWriter.ReadRow(reader, ct);
                    lines._lines[keys[i]] = row is null ? CrowdedLine.WithoutRow() : new CrowdedLine(row);
                }
            });
    }

    /// <returns>False when the line is written statement by statement; the caller writes it.</returns>
    public async ValueTask<bool> TryCommit(BudgetKey key, Money amount, LateWrites late, DateTimeOffset at,
                                           NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        var line = await Locked(key, late, c, t, ct);
        if (line.Direct)
            return false;
        line.Own(late);
        if (line.Now.CheckCommit(key, amount) is { } breach)
        {
            // Refused in its place among the command's late writes, so a rule an earlier write breaks is named first.
            late.AddRefusal(new NpgsqlBatchCommand("select grants.refuse_unless(false, 'appropriation_exceeded')"),
                new LedgerRefusedException(DomainError.Breach(LedgerErrorCodes.AppropriationExceeded, breach, "amount_fen")));
            return true;
        }
        (line.Tentative, line.TentativeAt) = (line.Tentative + amount, at);
        return true;
    }

    /// <summary>Before a statement writes the line: what is held here is written first, in the same command, and the
    /// line goes statement by statement at once (so this command's later writes to it are statements too).</summary>
    public void BeforeWriting(BudgetKey key, LateWrites late, DateTimeOffset at)
    {
        if (!_lines.TryGetValue(key, out var line))
        {
            // Untouched so far: its statement may sit among this command's writes, unsent, before any read of the row.
            _lines[key] = CrowdedLine.WithoutRow();
            return;
        }
        line.Settle(late);
        if (line.Direct)
            return;
        line.Own(late);
        if (line.Unwritten + line.Tentative is { Fen: not 0 } owed)
            late.Add(Commitment, Args(key, owed, at), LedgerLateWrite.Explain("budget ledger", null));
        line.GoDirect(late);
    }

    public void Close(LateWrites late)
    {
        foreach (var (key, line) in _lines)
        {
            line.Settle(null);
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
    private async ValueTask<CrowdedLine> Locked(BudgetKey key, LateWrites late, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        if (_lines.TryGetValue(key, out var held))
        {
            held.Settle(late);
            // A direct line is never read again: a statement of this command may still be waiting to be sent.
            if (held.Direct || held.ReadBy is null || held.ReadBy == late)
                return held;
        }
        var row = await BudgetLedgerWriter.Find(c, t, key, forUpdate: true, ct);
        var line = row is null ? CrowdedLine.WithoutRow() : new CrowdedLine(row) { ReadBy = late };
        late.WhenKept(() => line.ReadBy = null);
        return _lines[key] = line;
    }
}
