using Npgsql;
using NpgsqlTypes;

namespace Grants.EventStore;

/// <summary>Step 1 of an append: claim the next versions of every stream, in one round trip. The row of each stream
/// is locked by the claim until commit, so two writers of one stream are serialised and the loser sees zero rows
/// (never a unique violation). Streams are claimed in ordinal id order so two multi-stream appends cannot deadlock.</summary>
internal static class StreamVersionCheck
{
    private const string ClaimNew = """
        insert into grants.streams (id, type, version, created_at, updated_at) values ($1, $2, $3, now(), now())
        on conflict (id) do nothing returning version as claimed_version
        """;

    private const string ClaimExact = """
        update grants.streams set version = version + $2, updated_at = now()
        where id = $1 and version = $3 returning version as claimed_version
        """;

    private const string ClaimAny = """
        insert into grants.streams (id, type, version, created_at, updated_at) values ($1, $2, $3, now(), now())
        on conflict (id) do update set version = grants.streams.version + excluded.version, updated_at = excluded.updated_at
        returning version as claimed_version
        """;

    /// <returns>Each stream's version after the append.</returns>
    /// <param name="read">The caller's reads, sent after the claim in the same round trip.</param>
    public static async Task<Dictionary<string, long>> Claim(NpgsqlConnection connection, NpgsqlTransaction transaction,
                                                             IReadOnlyList<StreamAppend> appends, CancellationToken ct, ClaimRead? read = null)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var ordered = AddTo(batch, appends, read);
        if (read is null)
            await batch.PrepareAsync(ct);

        Dictionary<string, long> versions;
        StreamAppend? conflict;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
            (versions, conflict) = await Read(reader, ordered, read, ct);
        if (conflict is not null)
            throw await Conflict(connection, transaction, conflict, ct);
        return versions;
    }

    /// <summary>Adds the claim, then the caller's reads, to a batch (which may carry other statements before them).</summary>
    /// <returns>The appends in the order they are claimed, for <see cref="Read"/>.</returns>
    internal static List<StreamAppend> AddTo(NpgsqlBatch batch, IReadOnlyList<StreamAppend> appends, ClaimRead? read)
    {
        var ordered = appends.OrderBy(a => a.StreamId, StringComparer.Ordinal).ToList();
        foreach (var append in ordered)
            batch.BatchCommands.Add(CommandFor(append));
        foreach (var command in read?.Commands() ?? [])
            batch.BatchCommands.Add(command);
        return ordered;
    }

    /// <summary>Reads the claim's results, skipping those of statements sent before it, and hands the caller's reads
    /// over when every stream was claimed.</summary>
    /// <returns>The new versions, or the first stream that was not at the expected version.</returns>
    internal static async Task<(Dictionary<string, long> Versions, StreamAppend? Conflict)> Read(
        NpgsqlDataReader reader, List<StreamAppend> ordered, ClaimRead? read, CancellationToken ct)
    {
        while (reader.FieldCount != 1 || reader.GetName(0) != "claimed_version")
        {
            if (!await reader.NextResultAsync(ct))
                throw new InvalidOperationException("The version claim returned no result.");
        }
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        StreamAppend? conflict = null;
        foreach (var append in ordered)
        {
            if (await reader.ReadAsync(ct))
                versions[append.StreamId] = reader.GetInt64(0);
            else
                conflict ??= append;
            await reader.NextResultAsync(ct);
        }
        if (conflict is null && read is not null)
            await read.Consume(reader, ct);
        return (versions, conflict);
    }

    public static async Task<ConcurrencyException> Conflict(NpgsqlConnection connection, NpgsqlTransaction? transaction, StreamAppend conflict,
                                                            CancellationToken ct) =>
        new(conflict.StreamId, conflict.ExpectedVersion, await CurrentVersion(connection, transaction, conflict.StreamId, ct));

    public static async Task<long> CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction, string streamId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select version from grants.streams where id = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = streamId });
        return await command.ExecuteScalarAsync(ct) is long version ? version : 0;
    }

    private static NpgsqlBatchCommand CommandFor(StreamAppend append)
    {
        long count = append.Events.Count;
        return append.ExpectedVersion switch
        {
            ExpectedVersion.NoStream => Command(ClaimNew, Text(append.StreamId), Text(append.StreamType), Int8(count)),
            ExpectedVersion.Any => Command(ClaimAny, Text(append.StreamId), Text(append.StreamType), Int8(count)),
            var expected => Command(ClaimExact, Text(append.StreamId), Int8(count), Int8(expected)),
        };
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Text(string value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value };
    private static NpgsqlParameter Int8(long value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value };
}
