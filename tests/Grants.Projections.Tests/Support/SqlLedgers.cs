using System.Collections.Immutable;
using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;
using Npgsql;

namespace Grants.Projections.Tests.Support;

/// <summary>One row of grants.awards.</summary>
internal sealed record AwardRow(string ApplicationId, string BeneficiaryKey, long CurrentFen, long PaidFen, long RecoveredFen);

/// <summary>Reads the SQL ledgers back in the domain's own shape, so they can be compared with
/// <see cref="LedgerBook.Replay"/> of the stored events.</summary>
internal static class SqlLedgers
{
    public static async Task<LedgerBook> Book(NpgsqlDataSource db)
    {
        var budgets = ImmutableDictionary.CreateBuilder<BudgetKey, BudgetLedger>();
        await foreach (var r in Rows(db, "select bureau, fiscal_year, measure_id, appropriated_fen, committed_fen, paid_fen, recovered_fen from grants.budget_ledgers"))
            budgets.Add(new BudgetKey(new BureauCode(r.GetString(0)), r.GetInt32(1), new MeasureId(r.GetString(2))),
                new BudgetLedger(new(r.GetInt64(3)), new(r.GetInt64(4)), new(r.GetInt64(5)), new(r.GetInt64(6))));

        var beneficiaries = ImmutableDictionary.CreateBuilder<BeneficiaryKey, BeneficiaryLedger>();
        await foreach (var r in Rows(db, "select measure_id, beneficiary_key, awarded_fen, paid_fen, cap_fen from grants.beneficiary_ledgers"))
            beneficiaries.Add(new BeneficiaryKey(new MeasureId(r.GetString(0)), r.GetString(1)),
                new BeneficiaryLedger(new(r.GetInt64(2)), new(r.GetInt64(3)), r.IsDBNull(4) ? null : new Money(r.GetInt64(4))));

        return new LedgerBook(budgets.ToImmutable(), beneficiaries.ToImmutable());
    }

    public static async Task<IReadOnlyList<AwardRow>> Awards(NpgsqlDataSource db)
    {
        var awards = new List<AwardRow>();
        await foreach (var r in Rows(db, "select application_id, beneficiary_key, current_fen, paid_fen, recovered_fen from grants.awards order by application_id"))
            awards.Add(new AwardRow(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)));
        return awards;
    }

    public static async Task<BudgetLedger> Budget(NpgsqlDataSource db, BudgetKey key) => (await Book(db)).Budget(key);

    private static async IAsyncEnumerable<NpgsqlDataReader> Rows(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            yield return reader;
    }
}
