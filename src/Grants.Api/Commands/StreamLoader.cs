using Grants.Domain;
using Grants.EventStore;

namespace Grants.Api.Commands;

/// <summary>Rebuilds a decider's state from its stream and reports the version to append at.</summary>
public sealed class StreamLoader(PostgresEventStore store)
{
    public async Task<(TState State, long Version)> Load<TState>(
        string streamId, TState initial, Func<TState, IDomainEvent, TState> evolve, CancellationToken ct)
    {
        var state = initial;
        long version = 0;
        await foreach (var stored in store.ReadStream(streamId, ct: ct))
        {
            if (stored.Data is IDomainEvent e)
                state = evolve(state, e);
            version = stored.Version;
        }

        return (state, version);
    }
}
