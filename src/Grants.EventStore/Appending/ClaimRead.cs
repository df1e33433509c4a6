using Npgsql;
using NpgsqlTypes;

namespace Grants.EventStore;

/// <summary>Reads a caller wants inside its append, sent in the version claim's round trip instead of one of their
/// own (a command's answer needs rows its earlier commands left). They run after the claim, so they see the state the
/// append builds on; they are consumed only when the claim went through.</summary>
/// <param name="Commands">Builds the statements, each time the claim is sent.</param>
/// <param name="Consume">Reads their results; the reader stands on the first of them (or on a statement before it that
/// returns no rows), and is left on the last of them. Throwing fails the append.</param>
public sealed record ClaimRead(Func<IEnumerable<NpgsqlBatchCommand>> Commands, Func<NpgsqlDataReader, CancellationToken, Task> Consume)
{
    // One statement for every stream checked, in the order given: an approval checks the catalog and its applicant.
    private const string VersionsSql = """
        select coalesce(s.version, 0) from unnest($1::text[]) with ordinality c(id, n)
          left join grants.streams s on s.id = c.id order by c.n
        """;

    /// <summary>A stream the append does not write but decided on must still be at <paramref name="version"/> (0: does not
    /// exist); if it moved, the append fails as a lost race (<see cref="ConcurrencyException"/>), after
    /// <paramref name="onMoved"/> (a cache dropping what it handed out).</summary>
    public static ClaimRead StreamAt(string streamId, long version, Action? onMoved = null) =>
        StreamsAt([new StreamExpectation(streamId, version, onMoved)]);

    /// <summary>As <see cref="StreamAt"/> for several streams, in one statement. Every stream that moved has its
    /// <see cref="StreamExpectation.OnMoved"/> run; the lost race names the first of them.</summary>
    public static ClaimRead StreamsAt(IReadOnlyList<StreamExpectation> streams) => new(
        () => [new NpgsqlBatchCommand(VersionsSql)
        {
            Parameters = { new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = streams.Select(s => s.StreamId).ToArray() } },
        }],
        async (reader, ct) =>
        {
            while (reader.FieldCount == 0 && await reader.NextResultAsync(ct))
            {
            }
            ConcurrencyException? lost = null;
            foreach (var expected in streams)
            {
                var actual = await reader.ReadAsync(ct) ? reader.GetInt64(0) : 0;
                if (actual == expected.Version)
                    continue;
                expected.OnMoved?.Invoke();
                lost ??= new ConcurrencyException(expected.StreamId, expected.Version, actual);
            }
            if (lost is not null)
                throw lost;
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

/// <summary>A stream an append decided on without writing it, and the version it was read at.</summary>
/// <param name="OnMoved">Run when the stream moved (a cache dropping what it handed out).</param>
public sealed record StreamExpectation(string StreamId, long Version, Action? OnMoved = null);
