using Grants.Domain;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grants.Projections.Catalog;

namespace Grants.Api.Commands;

/// <summary>The policy catalog as the "catalog" stream says it is now. Cached; a command re-reads the stream only when
/// its version moved (another server configured a cap), so every decision uses the catalog as recorded.</summary>
public sealed class CatalogState(PostgresEventStore store)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CatalogSnapshot _cached = new(PolicyCatalog.Empty, -1);
    private volatile bool _stale;

    /// <summary>The last catalog loaded, without a database round trip (for scope checks and listings).</summary>
    public PolicyCatalog Latest => _cached.Catalog;

    public long Version => _cached.Version;

    /// <summary>The catalog at the stream's current version (one round trip to read the version).</summary>
    public async Task<PolicyCatalog> Current(CancellationToken ct) => (await Snapshot(ct)).Catalog;

    /// <summary>The catalog as last loaded, without a round trip, for a command whose append checks that version with
    /// its claim (<see cref="CatalogSnapshot.Unchanged"/>); after a failed check the next call reads the version.</summary>
    public async Task<CatalogSnapshot> Cached(CancellationToken ct) =>
        _cached is { Version: >= 0 } cached && !_stale ? cached : await Snapshot(ct);

    /// <summary>Whether the catalog stream moved past <paramref name="seen"/> (one round trip; the cache follows it).
    /// A command decided on a cached catalog asks this before it refuses, so a refusal never rests on a stale catalog.</summary>
    public async Task<bool> Moved(CatalogSnapshot seen, CancellationToken ct) => (await Snapshot(ct)).Version != seen.Version;

    private async Task<CatalogSnapshot> Snapshot(CancellationToken ct)
    {
        _stale = false;
        var version = await store.StreamVersion(CatalogEvents.StreamId, ct);
        if (_cached is var cached && version == cached.Version)
            return cached;

        await _gate.WaitAsync(ct);
        try
        {
            if (version != _cached.Version)
                _cached = await Load(ct);
            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<CatalogSnapshot> Load(CancellationToken ct)
    {
        var (catalog, version) = await CatalogStream.Read(store, ct);
        return new CatalogSnapshot(catalog, version, () => _stale = true);
    }
}

/// <summary>A catalog and the version of the "catalog" stream it was folded from.</summary>
public sealed record CatalogSnapshot(PolicyCatalog Catalog, long Version, Action? OnStale = null)
{
    /// <summary>Checks, with the version claim of the append that acts on this catalog, that the catalog stream is
    /// still at this version; if another server moved it, the append fails as a lost race (ConcurrencyException) and
    /// the command is retried on the new catalog.</summary>
    public StreamExpectation Unchanged() => new(CatalogEvents.StreamId, Version, OnStale);

    /// <summary>The lost race of a command that found the catalog moved: the guard retries it on the new catalog.</summary>
    public ConcurrencyException Moved() => new(CatalogEvents.StreamId, Version, Version + 1);
}
