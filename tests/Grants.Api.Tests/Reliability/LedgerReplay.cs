using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;
using Grants.EventStore;
using Grants.Projections.Registration;
using Npgsql;

namespace Grants.Api.Tests.Reliability;

/// <summary>The SQL budget ledgers against <see cref="LedgerBook.Replay"/> of every stored event: equal means every
/// event moved the money once and nothing else moved it.</summary>
public static class LedgerReplay
{
    public static async Task<(IReadOnlyList<string> Replayed, IReadOnlyList<string> Stored)> Budgets(NpgsqlDataSource db)
    {
        var store = new PostgresEventStore(db, GrantsEventTypes.Create(), [], TimeProvider.System);
        var events = new List<StoredEvent>();
        while (true)
        {
            var page = await store.ReadAll(events.Count == 0 ? 0 : events[^1].Position, 1000);
            events.AddRange(page);
            if (page.Count < 1000)
                break;
        }
        var book = LedgerBook.Replay(events.Select(e => e.Data).OfType<IDomainEvent>());
        var replayed = book.Budgets.Select(b => Line(b.Key, b.Value)).Order(StringComparer.Ordinal).ToList();

        var stored = new List<string>();
        await using var command = db.CreateCommand(
            "select bureau, fiscal_year, measure_id, appropriated_fen, committed_fen, paid_fen, recovered_fen from grants.budget_ledgers");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            stored.Add(Line(new BudgetKey(new BureauCode(reader.GetString(0)), reader.GetInt32(1), new MeasureId(reader.GetString(2))),
                new BudgetLedger(new(reader.GetInt64(3)), new(reader.GetInt64(4)), new(reader.GetInt64(5)), new(reader.GetInt64(6)))));
        return (replayed, [.. stored.Order(StringComparer.Ordinal)]);
    }

    private static string Line(BudgetKey key, BudgetLedger ledger) => $"{key}: {ledger}";
}
