using Grants.Domain.Catalog;
using Grants.EventStore;

namespace Grants.Projections.Catalog;

/// <summary>The policy catalog as its stream says it is: one fold for every reader of it (the server's cache, the
/// history generator), so they cannot come to different catalogs from the same events.</summary>
public static class CatalogStream
{
    /// <returns>The catalog and the version of the stream it was folded from (0: the stream is empty).</returns>
    public static async Task<(PolicyCatalog Catalog, long Version)> Read(PostgresEventStore store, CancellationToken ct)
    {
        var catalog = PolicyCatalog.Empty;
        long version = 0;
        await foreach (var stored in store.ReadStream(CatalogEvents.StreamId, ct: ct))
        {
            if (stored.Data is ICatalogEvent e)
                catalog = CatalogDecider.Evolve(catalog, e);
            version = stored.Version;
        }
        return (catalog, version);
    }
}
