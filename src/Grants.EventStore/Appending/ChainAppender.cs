using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Grants.EventStore;

/// <summary>Step 3 of an append, the only serialised part: lock the chain head, give the events the next positions,
/// link their hashes, write them. The head row stays locked until commit and is the last lock any append takes, so
/// appends commit in position order and positions are dense: once a reader has seen position P, nothing at or
/// before P can still appear. Keep this short — every writer in the system queues here.</summary>
internal static class ChainAppender
{
    private const string LockHead = "select position, hash from grants.event_head for update";

    private const string InsertEvents = """
        insert into grants.events (position, stream_id, stream_type, version, type, data, metadata, recorded_at, prev_hash, hash)
        select e.position, e.stream_id, e.stream_type, e.version, e.type, e.data, $7, $8, e.prev_hash, e.hash
        from unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::jsonb[], $9::bytea[], $10::bytea[])
             as e(position, stream_id, stream_type, version, type, data, prev_hash, hash)
        """;

    private const string MoveHead = "update grants.event_head set position = $1, hash = $2";
    private const string Notify = "select pg_notify('grants_events', $1)";

    public static async Task<IReadOnlyList<StoredEvent>> Append(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<StoredEvent> pending, IReadOnlyList<byte[]> canonicalData, byte[] canonicalMetadata, CancellationToken ct)
    {
        var (headPosition, headHash) = await ReadLockedHead(connection, transaction, ct);

        var count = pending.Count;
        var committed = new StoredEvent[count];
        var dataText = new string[count];
        var previous = headHash;
        for (var i = 0; i < count; i++)
        {
            var e = pending[i];
            var position = headPosition + 1 + i;
            var bytes = EventHashing.CanonicalEnvelope(position, e.StreamId, e.StreamType, e.Version, e.EventType,
                canonicalData[i], canonicalMetadata, e.RecordedAt);
            var hash = EventHashing.ChainHash(previous, bytes);
            committed[i] = e with { Position = position, Hash = hash, PreviousHash = previous };
            dataText[i] = Encoding.UTF8.GetString(canonicalData[i]);
            previous = hash;
        }

        var last = committed[^1];
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(InsertEvents,
            Param(NpgsqlDbType.Array | NpgsqlDbType.Bigint, committed.Select(e => e.Position).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Text, committed.Select(e => e.StreamId).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Text, committed.Select(e => e.StreamType).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Bigint, committed.Select(e => e.Version).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Text, committed.Select(e => e.EventType).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Jsonb, dataText),
            Param(NpgsqlDbType.Jsonb, Encoding.UTF8.GetString(canonicalMetadata)),
            Param(NpgsqlDbType.TimestampTz, last.RecordedAt),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Bytea, committed.Select(e => e.PreviousHash).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Bytea, committed.Select(e => e.Hash).ToArray())));
        batch.BatchCommands.Add(Command(MoveHead, Param(NpgsqlDbType.Bigint, last.Position), Param(NpgsqlDbType.Bytea, last.Hash)));
        // Delivered only when the transaction commits, and in commit order: a rolled-back append wakes nobody.
        batch.BatchCommands.Add(Command(Notify, Param(NpgsqlDbType.Text, last.Position.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await batch.PrepareAsync(ct);
        await batch.ExecuteNonQueryAsync(ct);
        return committed;
    }

    private static async Task<(long Position, byte[] Hash)> ReadLockedHead(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(LockHead, connection, transaction);
        await command.PrepareAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            throw new InvalidOperationException("grants.event_head is empty: the event store schema was not migrated.");
        return (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Param(NpgsqlDbType type, object value) => new() { NpgsqlDbType = type, Value = value };
}
