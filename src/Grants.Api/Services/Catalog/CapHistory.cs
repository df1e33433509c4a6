using Grants.Domain.Catalog;
using Grants.EventStore;

namespace Grants.Api.Services.Catalog;

/// <summary>When each configured cap was recorded. The catalog keeps what a bureau configured but not when (the
/// domain has no clock); the catalog stream's events know, so this reads them once per catalog version.</summary>
public sealed class CapHistory(PostgresEventStore store)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot _snapshot = new(-1, []);

    /// <summary>A lookup of recorded times for the catalog at <paramref name="catalogVersion"/>.</summary>
    public async Task<Func<CapConfiguration, DateTimeOffset?>> RecordedTimes(long catalogVersion, CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot.Version != catalogVersion)
        {
            await _gate.WaitAsync(ct);
            try
            {
                if (_snapshot.Version != catalogVersion)
                    _snapshot = await Load(ct);
                snapshot = _snapshot;
            }
            finally
            {
                _gate.Release();
            }
        }

        // The same configuration may be recorded twice (a bureau repeating itself); the catalog shows the later.
        return configuration => snapshot.Entries.LastOrDefault(e => e.Configuration == configuration)?.RecordedAt;
    }

    private async Task<Snapshot> Load(CancellationToken ct)
    {
        var entries = new List<Entry>();
        long version = 0;
        await foreach (var stored in store.ReadStream(CatalogEvents.StreamId, ct: ct))
        {
            if (stored.Data is MeasureCapConfigured c)
                entries.Add(new Entry(new CapConfiguration(c.Measure, c.Cap, c.Bureau, c.RuleReference, c.EffectiveFrom), stored.RecordedAt));
            version = stored.Version;
        }

        return new Snapshot(version, entries);
    }

    private sealed record Entry(CapConfiguration Configuration, DateTimeOffset RecordedAt);

    private sealed record Snapshot(long Version, IReadOnlyList<Entry> Entries);
}
