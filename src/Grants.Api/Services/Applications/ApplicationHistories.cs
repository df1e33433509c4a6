using System.Collections.Concurrent;
using Grants.Domain;
using Grants.EventStore;

namespace Grants.Api.Services.Applications;

/// <summary>Applications as this server last wrote them, so the next command on one decides without reading its stream
/// again. Safe because a command appends at the version it decided on: a history that moved meanwhile (another server,
/// a bank-statement reconciliation) fails the append as a lost race, retried on the stream as read; and a command
/// refuses only after checking that the history it refused on is still the stream's (<see cref="Moved"/>).</summary>
public sealed class ApplicationHistories(PostgresEventStore store)
{
    // Small on purpose: it serves the commands that follow each other on one application (a lifecycle driven by one
    // caller), not the register. A history is its events as stored, several kilobytes of objects; 10,000 of them made
    // every full collection of the server's heap slower than the reads they saved (docs/PERFORMANCE.md). When full, a
    // tenth goes, whichever the dictionary lists first; a miss costs one read of the stream.
    private const int Capacity = 1_000;

    private readonly ConcurrentDictionary<string, ApplicationHistory> _written = new(StringComparer.Ordinal);

    // Counted apart: ConcurrentDictionary.Count takes every lock of the dictionary.
    private int _count;

    /// <returns>The history, and whether it came from this cache rather than the stream.</returns>
    public async Task<(ApplicationHistory History, bool Cached)> Take(ApplicationId id, CancellationToken ct) =>
        _written.TryGetValue(id.Value, out var history) ? (history, true) : (await ApplicationHistory.Load(store, id, ct), false);

    /// <summary>A history as a command just committed it; an older one never replaces a newer.</summary>
    public void Written(ApplicationHistory history)
    {
        var key = history.Id.Value;
        if (_written.TryGetValue(key, out var held))
        {
            if (held.Version < history.Version)
                _written.TryUpdate(key, history, held);
            return;
        }
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            foreach (var old in _written.Keys.Take(Capacity / 10))
                Remove(old);
        }
        if (!_written.TryAdd(key, history))
            Interlocked.Decrement(ref _count);
    }

    public void Forget(ApplicationId id) => Remove(id.Value);

    /// <summary>Whether the stream moved past <paramref name="history"/>, as a lost race to retry on a fresh read (the
    /// cached history is forgotten); null when it did not.</summary>
    public async Task<ConcurrencyException?> Moved(ApplicationHistory history, CancellationToken ct)
    {
        var actual = await store.StreamVersion(history.StreamId, ct);
        if (actual == history.Version)
            return null;
        Forget(history.Id);
        return new ConcurrencyException(history.StreamId, history.Version, actual);
    }

    private void Remove(string key)
    {
        if (_written.TryRemove(key, out _))
            Interlocked.Decrement(ref _count);
    }
}
