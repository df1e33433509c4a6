using Grants.Domain.Ledgers;
using Grants.EventStore;
using Npgsql;

namespace Grants.Projections.Tests.Support;

/// <summary>The SQL ledgers must be exactly what the domain's reference model computes from the stored events: a
/// refused append left no trace, and an accepted one moved the same money as the events say.</summary>
internal static class LedgerAssert
{
    public static async Task MatchesReplay(NpgsqlDataSource db, PostgresEventStore store)
    {
        var expected = LedgerBook.Replay((await History.All(store)).Domain());
        var actual = await SqlLedgers.Book(db);
        Assert.Equal(Budgets(expected), Budgets(actual));
        Assert.Equal(Beneficiaries(expected), Beneficiaries(actual));
    }

    public static List<(string Line, BudgetLedger Ledger)> Budgets(LedgerBook book) =>
        [.. book.Budgets.Select(b => (b.Key.ToString(), b.Value)).OrderBy(b => b.Item1, StringComparer.Ordinal)];

    public static List<(string Line, BeneficiaryLedger Ledger)> Beneficiaries(LedgerBook book) =>
        [.. book.Beneficiaries.Select(b => (b.Key.ToString(), b.Value)).OrderBy(b => b.Item1, StringComparer.Ordinal)];
}
