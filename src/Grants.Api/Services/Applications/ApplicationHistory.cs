using Grants.Domain;
using Grants.Domain.Applications;
using Grants.EventStore;

namespace Grants.Api.Services.Applications;

/// <summary>One application's stream as stored: its events with their recorded times (for the views), the decider's
/// state folded from them, and the version a command appends at.</summary>
public sealed record ApplicationHistory(ApplicationId Id, IReadOnlyList<StoredEvent> Events, ApplicationState State, long Version)
{
    public string StreamId => StreamIds.Application(Id);

    public static async Task<ApplicationHistory> Load(PostgresEventStore store, ApplicationId id, CancellationToken ct)
    {
        var events = new List<StoredEvent>();
        await foreach (var stored in store.ReadStream(StreamIds.Application(id), ct: ct))
            events.Add(stored);
        return new ApplicationHistory(id, events, Fold(ApplicationState.Initial, events), events.Count == 0 ? 0 : events[^1].Version);
    }

    /// <summary>The history with newly stored events of this stream appended (others are ignored).</summary>
    public ApplicationHistory With(IEnumerable<StoredEvent> stored)
    {
        var mine = stored.Where(e => e.StreamId == StreamId).ToList();
        return mine.Count == 0 ? this : new ApplicationHistory(Id, [.. Events, .. mine], Fold(State, mine), mine[^1].Version);
    }

    private static ApplicationState Fold(ApplicationState state, IEnumerable<StoredEvent> events) =>
        events.Select(e => e.Data).OfType<IDomainEvent>().Aggregate(state, ApplicationDecider.Evolve);
}
