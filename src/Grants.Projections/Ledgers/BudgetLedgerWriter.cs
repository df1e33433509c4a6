using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Ledgers;
using Grants.EventStore;
using Npgsql;

namespace Grants.Projections.Ledgers;

/// <summary>Moves money on a budget line (bureau, fiscal year, measure). Every budget write is a late write: it runs
/// just before the chain step, in its round trip, because in a deadline rush every approval of a bureau queues on
/// this one row. A commitment is a single conditional UPDATE: PostgreSQL re-checks the condition on the latest row
/// version after waiting for the row lock, so concurrent approvals on any number of servers can never commit more
/// than was appropriated; a refused one raises (grants.refuse_unless) and is explained from the row afterwards.</summary>
internal sealed class BudgetLedgerWriter(LateWrites late, DateTimeOffset at)
{
    private const string Key = "bureau = $1 and fiscal_year = $2 and measure_id = $3";

    private const string Select = $"select appropriated_fen, committed_fen, paid_fen, recovered_fen from grants.budget_ledgers where {Key}";

    public void Appropriate(BudgetKey key, Money amount) => Write("""
        insert into grants.budget_ledgers (bureau, fiscal_year, measure_id, appropriated_fen, updated_at)
        values ($1, $2, $3, $4, $5)
        on conflict (bureau, fiscal_year, measure_id)
        do update set appropriated_fen = budget_ledgers.appropriated_fen + excluded.appropriated_fen, updated_at = excluded.updated_at
        """, key, amount, null);

    public void Adjust(BudgetKey key, Money delta)
    {
        if (delta.Fen >= 0)
        {
            Appropriate(key, delta);
            return;
        }

        Write($"""
            with cut as (
                update grants.budget_ledgers set appropriated_fen = appropriated_fen + $4, updated_at = $5
                where {Key} and appropriated_fen + $4 >= committed_fen + paid_fen returning 1)
            select grants.refuse_unless(exists (select from cut), 'appropriation_exceeded')
            """, key, delta, async (c, t, ct) =>
        {
            var ledger = await Read(c, t, key, ct);
            return new LedgerRefusedException(new DomainError(
                LedgerErrorCodes.AppropriationExceeded,
                $"{LimitNames.Appropriation(key)} cannot be cut by {(-delta).ToYuanString()} yuan: appropriated " +
                $"{ledger.Appropriated.ToYuanString()}, committed or paid {(ledger.Committed + ledger.Paid).ToYuanString()}, " +
                $"largest possible cut {ledger.Available.ToYuanString()}",
                "delta_fen"));
        });
    }

    /// <summary>Approval or a raised amendment: committed grows only while committed + paid stays within appropriated.
    /// On a line its group-commit batch crowds on, the check and the sum are kept in memory (<see cref="CrowdedBudgetLines"/>).</summary>
    public async ValueTask Commit(BudgetKey key, Money amount, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        if (amount.Fen > 0 && Crowded(key) is { } crowded && await crowded.TryCommit(key, amount, late, at, c, t, ct))
            return;
        if (amount.Fen <= 0)
        {
            // Releasing (a cut) or a zero award under a non-monetary measure cannot overspend; the row still appears.
            // The proposed row carries no amount: PostgreSQL checks CHECKs on it before it finds the conflict, so a
            // negative committed_fen there would refuse every cut.
            Write("""
                insert into grants.budget_ledgers (bureau, fiscal_year, measure_id, updated_at)
                values ($1, $2, $3, $5)
                on conflict (bureau, fiscal_year, measure_id)
                do update set committed_fen = budget_ledgers.committed_fen + $4, updated_at = excluded.updated_at
                """, key, amount, null);
            return;
        }

        Write($"""
            with committed as (
                update grants.budget_ledgers set committed_fen = committed_fen + $4, updated_at = $5
                where {Key} and committed_fen + paid_fen + $4 <= appropriated_fen returning 1)
            select grants.refuse_unless(exists (select from committed), 'appropriation_exceeded')
            """, key, amount, async (c, t, ct) =>
        {
            var breach = (await Read(c, t, key, ct)).CheckCommit(key, amount)
                         ?? LimitBreach.Ceiling(LimitNames.Appropriation(key), Money.Zero, Money.Zero, amount, "committed or paid");
            return new LedgerRefusedException(DomainError.Breach(LedgerErrorCodes.AppropriationExceeded, breach, "amount_fen"));
        });
    }

    public void Pay(BudgetKey key, Money amount) => Write($"""
        update grants.budget_ledgers set committed_fen = committed_fen - $4, paid_fen = paid_fen + $4, updated_at = $5 where {Key}
        """, key, amount, null);

    public void Recover(BudgetKey key, Money amount) => Write($"""
        update grants.budget_ledgers set recovered_fen = recovered_fen + $4, updated_at = $5 where {Key}
        """, key, amount, null);

    public static async Task<BudgetLedger> Read(NpgsqlConnection c, NpgsqlTransaction t, BudgetKey key, CancellationToken ct) =>
        await Find(c, t, key, forUpdate: false, ct) ?? BudgetLedger.Empty;

    /// <returns>Null when the line has no row.</returns>
    public static async Task<BudgetLedger?> Find(NpgsqlConnection c, NpgsqlTransaction t, BudgetKey key, bool forUpdate, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(forUpdate ? Select + LockForUpdate : Select, c, t);
        foreach (var parameter in KeyParameters(key))
            command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await ReadRow(reader, ct);
    }

    /// <summary>The line's row, locked as <see cref="Find"/> locks it, for a batch of statements.</summary>
    public static NpgsqlBatchCommand FindForUpdate(BudgetKey key)
    {
        var command = new NpgsqlBatchCommand(Select + LockForUpdate);
        foreach (var parameter in KeyParameters(key))
            command.Parameters.Add(parameter);
        return command;
    }

    /// <returns>The row the reader stands on the result of; null when it has none.</returns>
    public static async Task<BudgetLedger?> ReadRow(NpgsqlDataReader reader, CancellationToken ct) =>
        await reader.ReadAsync(ct)
            ? new BudgetLedger(new(reader.GetInt64(0)), new(reader.GetInt64(1)), new(reader.GetInt64(2)), new(reader.GetInt64(3)))
            : null;

    private const string LockForUpdate = " for no key update";

    private static NpgsqlParameter[] KeyParameters(BudgetKey key) =>
        [new() { Value = key.Bureau.Value }, new() { Value = key.FiscalYear }, new() { Value = key.Measure.Value }];

    private CrowdedBudgetLines? Crowded(BudgetKey key) =>
        late.Batch is { } batch && batch.IsCrowded(key.StreamId) ? batch.Participant<CrowdedBudgetLines>() : null;

    private void Write(string sql, BudgetKey key, Money amount,
                       Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<Exception>>? explainRefusal)
    {
        Crowded(key)?.BeforeWriting(key, late, at);
        late.Add(sql, [key.Bureau.Value, key.FiscalYear, key.Measure.Value, amount.Fen, at],
            LedgerLateWrite.Explain("budget ledger", explainRefusal));
    }
}
