using Grants.Domain;
using Grants.EventStore;

namespace Grants.Api.Commands;

/// <summary>The path of every command: load the stream, decide, append at the version that was read. A concurrent
/// writer makes the append throw ConcurrencyException, which the idempotency guard retries with fresh state.</summary>
public sealed class CommandRunner(PostgresEventStore store, StreamLoader loader)
{
    public PostgresEventStore Store => store;

    public StreamLoader Loader => loader;

    /// <returns>The stored events and the state they lead to.</returns>
    public async Task<Decided<TState>> Run<TState>(
        StreamSpec<TState> stream, Func<TState, Task<Result>> decide, EventMetadata metadata, AppendOptions? options, CancellationToken ct)
    {
        var (state, version) = await loader.Load(stream.Id, stream.Initial, stream.Evolve, ct);
        var result = await decide(state);
        if (result is Result.Fail fail)
            throw new CommandRefusedException(fail.Error);

        var events = result.EventsOrEmpty;
        var after = events.Aggregate(state, stream.Evolve);
        if (events.Count == 0)
            return new Decided<TState>(after, [], version);

        var appended = await store.Append(
            [new StreamAppend(stream.Id, stream.Type, version, [.. events])], metadata, options, ct);
        return new Decided<TState>(after, appended.Events, appended.StreamVersions[stream.Id]);
    }
}

/// <summary>Which stream a command goes to and how its state is rebuilt.</summary>
public sealed record StreamSpec<TState>(string Id, string Type, TState Initial, Func<TState, IDomainEvent, TState> Evolve);

/// <summary>What a command did: the state after it, the events as stored (empty when it changed nothing) and the stream version.</summary>
public sealed record Decided<TState>(TState State, IReadOnlyList<StoredEvent> Events, long Version);
