using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Grants.EventStore;

/// <summary>The last step of an append, the only serialised part: one call of grants.append_chain locks the chain
/// head, gives the events the next positions, links their hashes, writes them, moves the head and notifies. The head
/// row stays locked until commit and is the last lock any append takes, so appends commit in position order and
/// positions are dense: once a reader has seen position P, nothing at or before P can still appear. One append is one
/// part; a group commit writes many parts (each with its own metadata and time) in the same call. Everything that
/// does not need the position (serialising, canonical bytes) is done before, so the lock is held for one round trip
/// and the commit, which travels in the same round trip: nothing but the commit's own flush is left between taking
/// the lock and releasing it.</summary>
internal static class ChainAppender
{
    private const string AppendChain = """
        select event_position, prev_hash, hash
          from grants.append_chain($1::text[], $2::text[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[],
                                   $7::timestamptz[], $8::bytea[], $9::bytea[])
        """;

    /// <summary>One command's pending events with their canonical bytes.</summary>
    public sealed record Part(IReadOnlyList<StoredEvent> Pending, IReadOnlyList<byte[]> CanonicalData, byte[] CanonicalMetadata);

    /// <summary>Writes one part and commits the transaction.</summary>
    public static async Task<IReadOnlyList<StoredEvent>> AppendAndCommit(NpgsqlConnection connection, NpgsqlTransaction transaction,
                                                                         Part part, LateWrites late, CancellationToken ct) =>
        (await WriteAndCommit(connection, transaction, [part], late, ct))[0];

    /// <summary>Writes every part and commits the transaction (the COMMIT is pipelined behind the chain call).</summary>
    /// <param name="late">Sent first in the same round trip (their rows are locked just before the head).</param>
    /// <returns>Per part, its events as stored, once they are durable.</returns>
    /// <exception cref="LateWriteRefusedException">A late write refused: nothing was committed.</exception>
    public static async Task<StoredEvent[][]> WriteAndCommit(NpgsqlConnection connection, NpgsqlTransaction transaction,
                                                    IReadOnlyList<Part> parts, LateWrites? late, CancellationToken ct)
    {
        var total = parts.Sum(p => p.Pending.Count);
        var streams = new string[total];
        var streamTypes = new string[total];
        var versions = new long[total];
        var types = new string[total];
        var data = new string[total];
        var metadata = new string[total];
        var times = new DateTimeOffset[total];
        var prefixes = new byte[total][];
        var suffixes = new byte[total][];
        var n = 0;
        foreach (var part in parts)
        {
            var metadataText = Encoding.UTF8.GetString(part.CanonicalMetadata);
            for (var i = 0; i < part.Pending.Count; i++, n++)
            {
                var e = part.Pending[i];
                (streams[n], streamTypes[n], versions[n], types[n], times[n]) = (e.StreamId, e.StreamType, e.Version, e.EventType, e.RecordedAt);
                data[n] = Encoding.UTF8.GetString(part.CanonicalData[i]);
                metadata[n] = metadataText;
                (prefixes[n], suffixes[n]) = EventHashing.EnvelopeAround(e.StreamId, e.StreamType, e.Version, e.EventType,
                    part.CanonicalData[i], part.CanonicalMetadata, e.RecordedAt);
            }
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        late?.AddTo(batch);
        var chain = new NpgsqlBatchCommand(AppendChain);
        chain.Parameters.Add(Param(NpgsqlDbType.Array | NpgsqlDbType.Text, streams));
        chain.Parameters.Add(Param(NpgsqlDbType.Array | NpgsqlDbType.Text, streamTypes));
        chain.Parameters.Add(Param(NpgsqlDbType.Array | NpgsqlDbType.Bigint, versions));
        chain.Parameters.Add(Param(NpgsqlDbType.Array | NpgsqlDbType.Text, types));
        chain.Parameters.Add(Param(NpgsqlDbType.Array | NpgsqlDbType.Jsonb, data));
        chain.Parameters.Add(Param(NpgsqlDbType.Array | NpgsqlDbType.Jsonb, metadata));
        chain.Parameters.Add(Param(NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, times));
        chain.Parameters.Add(Param(NpgsqlDbType.Array | NpgsqlDbType.Bytea, prefixes));
        chain.Parameters.Add(Param(NpgsqlDbType.Array | NpgsqlDbType.Bytea, suffixes));
        batch.BatchCommands.Add(chain);
        // Npgsql sees the transaction end in the server's ReadyForQuery and completes the NpgsqlTransaction itself.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("commit"));

        var stored = new StoredEvent[parts.Count][];
        await using var reader = await ExecuteAfterLateWrites(batch, late, ct);
        foreach (var (part, p) in parts.Select((part, p) => (part, p)))
        {
            stored[p] = new StoredEvent[part.Pending.Count];
            for (var i = 0; i < part.Pending.Count; i++)
            {
                if (!await reader.ReadAsync(ct))
                    throw new InvalidOperationException("grants.append_chain returned fewer rows than events: the schema is not migrated.");
                stored[p][i] = part.Pending[i] with
                {
                    Position = reader.GetInt64(0), PreviousHash = reader.GetFieldValue<byte[]>(1), Hash = reader.GetFieldValue<byte[]>(2),
                };
            }
        }
        // Drain the COMMIT's result: only then is the append durable and may be acknowledged.
        while (await reader.NextResultAsync(ct))
        {
        }
        return stored;
    }

    /// <returns>The reader positioned on the chain call's rows.</returns>
    private static async Task<NpgsqlDataReader> ExecuteAfterLateWrites(NpgsqlBatch batch, LateWrites? late, CancellationToken ct)
    {
        NpgsqlDataReader? reader = null;
        try
        {
            reader = await batch.ExecuteReaderAsync(ct);
            // Late writes that return a row come first; a refused one throws here, before the chain call ran.
            while (reader.FieldCount != 3 || reader.GetName(0) != "event_position")
            {
                if (!await reader.NextResultAsync(ct))
                    throw new InvalidOperationException("grants.append_chain returned no result: the schema is not migrated.");
            }
            return reader;
        }
        catch (Exception failure)
        {
            // The connection is needed at once for the rollback.
            if (reader is not null)
                await reader.DisposeAsync();
            if (failure is PostgresException e && late?.Refused(e) is { } refused)
                throw refused;
            throw;
        }
    }

    private static NpgsqlParameter Param(NpgsqlDbType type, object value) => new() { NpgsqlDbType = type, Value = value };
}
