using System.Collections.Concurrent;
using Grants.Domain;
using Grants.Domain.Applicants;
using Grants.EventStore;

namespace Grants.Api.Commands;

/// <summary>Applicants as this server last read them, for the application commands that decide on an applicant's
/// standing and kind without writing to its stream. Like the catalog: a command decides on the cached state, its append
/// checks with the version claim that the applicant's stream has not moved (<see cref="Unchanged"/>), and a refusal
/// is made only on a state read again (<see cref="Moved"/>), so no decision rests on a stale applicant.</summary>
public sealed class ApplicantStates(StreamLoader loader)
{
    // Bounded so the cache cannot grow with the register (about half a kilobyte an applicant): when full, a tenth of it
    // goes, whichever the dictionary lists first, so a busy register keeps most of its working set (a miss costs one read).
    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);

    /// <summary>An applicant's state and the version of its stream it was folded from (0: not registered).</summary>
    public sealed record Seen(ApplicantState State, long Version);

    public async Task<Seen> Cached(ApplicantId id, CancellationToken ct) =>
        _seen.TryGetValue(id.Value, out var seen) ? seen : await Read(id, ct);

    public StreamExpectation Unchanged(ApplicantId id, Seen seen) =>
        new(Streams.Applicant(id).Id, seen.Version, () => _seen.TryRemove(id.Value, out _));

    /// <summary>Whether the applicant's stream moved past <paramref name="seen"/> (one read; the cache follows it).</summary>
    public async Task<bool> Moved(ApplicantId id, Seen seen, CancellationToken ct) => (await Read(id, ct)).Version != seen.Version;

    private async Task<Seen> Read(ApplicantId id, CancellationToken ct)
    {
        var spec = Streams.Applicant(id);
        var (state, version) = await loader.Load(spec.Id, spec.Initial, spec.Evolve, ct);
        var seen = new Seen(state, version);
        if (_seen.Count >= Capacity)
        {
            foreach (var key in _seen.Keys.Take(Capacity / 10))
                _seen.TryRemove(key, out _);
        }
        _seen[id.Value] = seen;
        return seen;
    }
}
