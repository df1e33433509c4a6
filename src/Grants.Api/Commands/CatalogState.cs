using Grants.Domain;
using Grants.Domain.Catalog;
using Grants.EventStore;

namespace Grants.Api.Commands;

/// <summary>The policy catalog as the "catalog" stream says it is now. Cached; a command re-reads the stream only when
/// its version moved (another server configured a cap), so every decision uses the catalog as recorded.</summary>
public sealed class CatalogState(PostgresEventStore store)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (PolicyCatalog Catalog, long Version) _cached = (PolicyCatalog.Empty, -1);

    /// <summary>The last catalog loaded, without a database round trip (for scope checks and listings).</summary>
    public PolicyCatalog Latest => _cached.Catalog;

    public long Version => _cached.Version;

    public async Task<PolicyCatalog> Current(CancellationToken ct)
    {
        var version = await store.StreamVersion(CatalogEvents.StreamId, ct);
        if (version == _cached.Version)
            return _cached.Catalog;

        await _gate.WaitAsync(ct);
        try
        {
            if (version != _cached.Version)
                _cached = await Load(ct);
            return _cached.Catalog;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(PolicyCatalog, long)> Load(CancellationToken ct)
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
