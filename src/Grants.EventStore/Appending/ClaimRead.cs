using Npgsql;
using NpgsqlTypes;

namespace Grants.EventStore;

/// <summary>Reads a caller wants inside its append, sent in the version claim's round trip instead of one of their
/// own (a command's answer needs rows its earlier commands left). They run after the claim, so they see the state the
/// append builds on; they are consumed only when the claim went through. In a pipelined group-commit batch they run
/// after the claims of the commands before it but before those commands' late writes, so they read only streams and
/// rows no late write moves; and a batch tried again reads and consumes them again.</summary>
/// <param name="Commands">Builds the statements, each time the claim is sent.</param>
/// <param name="Consume">Reads their results; the reader stands on the first of them (or on a statement before it that
/// returns no rows), and is left on the last of them. Throwing fails the append.</param>
public sealed record ClaimRead(Func<IEnumerable<NpgsqlBatchCommand>> Commands, Func<NpgsqlDataReader, CancellationToken, Task> Consume)
{
    // One statement for every stream checked: an approval checks the catalog and its applicant. Each stream keeps the
    // plain "id = $n" lookup on the primary key; a join against unnest($1) was planned, on a young table, as a
    // sequential scan that its cached generic plan kept as the table grew (1.4 ms a call at 6,000 approvals).
    private static string VersionsSql(int streams) => string.Join(" union all ",
        Enumerable.Range(0, streams).Select(ordinal => $"select {ordinal} as n, version from grants.streams where id = ${ordinal + 1}"));

    /// <summary>Streams the append does not write but decided on must still be at the versions they were read at (0:
    /// does not exist), all checked by one statement. If any moved, the append fails as a lost race
    /// (<see cref="ConcurrencyException"/>, naming the first), after the <see cref="StreamExpectation.OnMoved"/> of
    /// every one that moved (a cache dropping what it handed out).</summary>
    public static ClaimRead StreamsAt(IReadOnlyList<StreamExpectation> streams) => new(
        () =>
        {
            var command = new NpgsqlBatchCommand(VersionsSql(streams.Count));
            foreach (var stream in streams)
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = stream.StreamId });
            return [command];
        },
        async (reader, ct) =>
        {
            while (reader.FieldCount == 0 && await reader.NextResultAsync(ct))
            {
            }
            // A stream that does not exist returns no row: version 0.
            var actual = new long[streams.Count];
            while (await reader.ReadAsync(ct))
                actual[reader.GetInt32(0)] = reader.GetInt64(1);
            ConcurrencyException? lost = null;
            for (var i = 0; i < streams.Count; i++)
            {
                if (actual[i] == streams[i].Version)
                    continue;
                streams[i].OnMoved?.Invoke();
                lost ??= new ConcurrencyException(streams[i].StreamId, streams[i].Version, actual[i]);
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
