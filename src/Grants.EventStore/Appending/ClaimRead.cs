using Npgsql;

namespace Grants.EventStore;

/// <summary>Reads a caller wants inside its append, sent in the version claim's round trip instead of one of their
/// own (a command's answer needs rows its earlier commands left). They run after the claim, so they see the state the
/// append builds on; they are consumed only when the claim went through.</summary>
/// <param name="Commands">Builds the statements, each time the claim is sent.</param>
/// <param name="Consume">Reads their results; the reader stands on the first of them (or on a statement before it that
/// returns no rows), and is left on the last of them. Throwing fails the append.</param>
public sealed record ClaimRead(Func<IEnumerable<NpgsqlBatchCommand>> Commands, Func<NpgsqlDataReader, CancellationToken, Task> Consume)
{
    /// <summary>A stream the append does not write but decided on must still be at <paramref name="version"/> (0: does not
    /// exist); if it moved, the append fails as a lost race (<see cref="ConcurrencyException"/>), after
    /// <paramref name="onMoved"/> (a cache dropping what it handed out).</summary>
    public static ClaimRead StreamAt(string streamId, long version, Action? onMoved = null) => new(
        () => [new NpgsqlBatchCommand("select version from grants.streams where id = $1") { Parameters = { new NpgsqlParameter { Value = streamId } } }],
        async (reader, ct) =>
        {
            while (reader.FieldCount == 0 && await reader.NextResultAsync(ct))
            {
            }
            var actual = await reader.ReadAsync(ct) ? reader.GetInt64(0) : 0;
            if (actual == version)
                return;
            onMoved?.Invoke();
            throw new ConcurrencyException(streamId, version, actual);
        });

    /// <summary>These reads, then <paramref name="next"/>'s, in the same round trip.</summary>
    public ClaimRead Then(ClaimRead next) => new(
        () => Commands().Concat(next.Commands()),
        async (reader, ct) =>
        {
            await Consume(reader, ct);
            await reader.NextResultAsync(ct);
            await next.Consume(reader, ct);
        });
}
