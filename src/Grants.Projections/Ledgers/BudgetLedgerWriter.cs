using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Ledgers;
using Npgsql;

namespace Grants.Projections.Ledgers;

/// <summary>Moves money on a budget line (bureau, fiscal year, measure). A commitment is a single conditional UPDATE:
/// PostgreSQL re-checks the condition on the latest row version after waiting for the row lock, so concurrent
/// approvals on any number of servers can never commit more than was appropriated.</summary>
internal sealed class BudgetLedgerWriter(NpgsqlConnection c, NpgsqlTransaction t, DateTimeOffset at, CancellationToken ct)
{
    private const string Key = "bureau = $1 and fiscal_year = $2 and measure_id = $3";

    public Task Appropriate(BudgetKey key, Money amount) => Execute("""
        insert into grants.budget_ledgers (bureau, fiscal_year, measure_id, appropriated_fen, updated_at)
        values ($1, $2, $3, $4, $5)
        on conflict (bureau, fiscal_year, measure_id)
        do update set appropriated_fen = budget_ledgers.appropriated_fen + excluded.appropriated_fen, updated_at = excluded.updated_at
        """, key, amount);

    public async Task Adjust(BudgetKey key, Money delta)
    {
        if (delta.Fen >= 0)
        {
            await Appropriate(key, delta);
            return;
        }

        if (!await Sql.Affects(c, t, ct, $"""
                update grants.budget_ledgers set appropriated_fen = appropriated_fen + $4, updated_at = $5
                where {Key} and appropriated_fen + $4 >= committed_fen + paid_fen returning 1
                """, Args(key, delta)))
        {
            var ledger = await Read(key);
            throw new LedgerRefusedException(new DomainError(
                LedgerErrorCodes.AppropriationExceeded,
                $"{LimitNames.Appropriation(key)} cannot be cut by {(-delta).ToYuanString()} yuan: appropriated " +
                $"{ledger.Appropriated.ToYuanString()}, committed or paid {(ledger.Committed + ledger.Paid).ToYuanString()}, " +
                $"largest possible cut {ledger.Available.ToYuanString()}",
                "delta_fen"));
        }
    }

    /// <summary>Approval or a raised amendment: committed grows only while committed + paid stays within appropriated.</summary>
    public async Task Commit(BudgetKey key, Money amount)
    {
        if (amount.Fen <= 0)
        {
            // Releasing (a cut) or a zero award under a non-monetary measure cannot overspend; the row still appears.
            // The proposed row carries no amount: PostgreSQL checks CHECKs on it before it finds the conflict, so a
            // negative committed_fen there would refuse every cut.
            await Execute("""
                insert into grants.budget_ledgers (bureau, fiscal_year, measure_id, updated_at)
                values ($1, $2, $3, $5)
                on conflict (bureau, fiscal_year, measure_id)
                do update set committed_fen = budget_ledgers.committed_fen + $4, updated_at = excluded.updated_at
                """, key, amount);
            return;
        }

        if (!await Sql.Affects(c, t, ct, $"""
                update grants.budget_ledgers set committed_fen = committed_fen + $4, updated_at = $5
                where {Key} and committed_fen + paid_fen + $4 <= appropriated_fen returning 1
                """, Args(key, amount)))
        {
            var breach = (await Read(key)).CheckCommit(key, amount)
                         ?? LimitBreach.Ceiling(LimitNames.Appropriation(key), Money.Zero, Money.Zero, amount, "committed or paid");
            throw new LedgerRefusedException(DomainError.Breach(LedgerErrorCodes.AppropriationExceeded, breach, "amount_fen"));
        }
    }

    public Task Pay(BudgetKey key, Money amount) => Execute($"""
        update grants.budget_ledgers set committed_fen = committed_fen - $4, paid_fen = paid_fen + $4, updated_at = $5 where {Key}
        """, key, amount);

    public Task Recover(BudgetKey key, Money amount) => Execute($"""
        update grants.budget_ledgers set recovered_fen = recovered_fen + $4, updated_at = $5 where {Key}
        """, key, amount);

    public async Task<BudgetLedger> Read(BudgetKey key)
    {
        await using var command = Sql.Command(c, t, $"""
            select appropriated_fen, committed_fen, paid_fen, recovered_fen from grants.budget_ledgers where {Key}
            """, key.Bureau.Value, key.FiscalYear, key.Measure.Value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new BudgetLedger(new(reader.GetInt64(0)), new(reader.GetInt64(1)), new(reader.GetInt64(2)), new(reader.GetInt64(3)))
            : BudgetLedger.Empty;
    }

    private object?[] Args(BudgetKey key, Money amount) => [key.Bureau.Value, key.FiscalYear, key.Measure.Value, amount.Fen, at];

    private Task<int> Execute(string sql, BudgetKey key, Money amount) => Sql.Execute(c, t, ct, sql, Args(key, amount));
}
