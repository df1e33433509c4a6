using Grants.Domain;
using Grants.EventStore;

namespace Grants.Projections.Tests.Support;

/// <summary>The whole global log, in position order.</summary>
internal static class History
{
    private const int Page = 1000;

    public static async Task<IReadOnlyList<StoredEvent>> All(PostgresEventStore store)
    {
        var all = new List<StoredEvent>();
        while (true)
        {
            var page = await store.ReadAll(all.Count == 0 ? 0 : all[^1].Position, Page);
            all.AddRange(page);
            if (page.Count < Page)
                return all;
        }
    }

    public static IEnumerable<IDomainEvent> Domain(this IEnumerable<StoredEvent> events) => events.Select(e => e.Data).OfType<IDomainEvent>();
}
