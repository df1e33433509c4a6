using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Grants.EventStore;

/// <summary>The last step of an append, the only serialised part: lock the chain head, give the events the next
/// positions, link their hashes, write them, move the head, notify. The head row stays locked until commit and is the
/// last lock any append takes, so appends commit in position order and positions are dense: once a reader has seen
/// position P, nothing at or before P can still appear. One append is one part; a group commit writes many parts
/// (each with its own metadata and time) under one lock. Keep this short — every writer in the system queues here.</summary>
internal static class ChainAppender
{
    private const string LockHead = "select position, hash from grants.event_head for update";

    private const string InsertEvents = """
        insert into grants.events (position, stream_id, stream_type, version, type, data, metadata, recorded_at, prev_hash, hash)
        select * from unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::jsonb[], $7::jsonb[],
                             $8::timestamptz[], $9::bytea[], $10::bytea[])
        """;

    private const string MoveHead = "update grants.event_head set position = $1, hash = $2";
    private const string Notify = $"select pg_notify('{PostgresEventStore.Channel}', $1)";

    /// <summary>One command's pending events with their canonical bytes.</summary>
    public sealed record Part(IReadOnlyList<StoredEvent> Pending, IReadOnlyList<byte[]> CanonicalData, byte[] CanonicalMetadata);

    public static async Task<IReadOnlyList<StoredEvent>> Append(NpgsqlConnection connection, NpgsqlTransaction transaction, Part part,
                                                                CancellationToken ct) =>
        (await Write(connection, transaction, [part], ct))[0];

    /// <returns>Per part, its events as stored.</returns>
    public static async Task<StoredEvent[][]> Write(NpgsqlConnection connection, NpgsqlTransaction transaction,
                                                    IReadOnlyList<Part> parts, CancellationToken ct)
    {
        var (head, previous) = await ReadLockedHead(connection, transaction, ct);

        var total = parts.Sum(p => p.Pending.Count);
        var rows = new (long Position, string Stream, string StreamType, long Version, string Type, string Data, string Metadata,
                        DateTimeOffset At, byte[] Prev, byte[] Hash)[total];
        var stored = new StoredEvent[parts.Count][];
        var n = 0;
        for (var p = 0; p < parts.Count; p++)
        {
            var part = parts[p];
            var metadataText = Encoding.UTF8.GetString(part.CanonicalMetadata);
            stored[p] = new StoredEvent[part.Pending.Count];
            for (var i = 0; i < part.Pending.Count; i++, n++)
            {
                var e = part.Pending[i];
                var position = head + 1 + n;
                var bytes = EventHashing.CanonicalEnvelope(position, e.StreamId, e.StreamType, e.Version, e.EventType,
                    part.CanonicalData[i], part.CanonicalMetadata, e.RecordedAt);
                var hash = EventHashing.ChainHash(previous, bytes);
                stored[p][i] = e with { Position = position, Hash = hash, PreviousHash = previous };
                rows[n] = (position, e.StreamId, e.StreamType, e.Version, e.EventType, Encoding.UTF8.GetString(part.CanonicalData[i]),
                           metadataText, e.RecordedAt, previous, hash);
                previous = hash;
            }
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(InsertEvents,
            Param(NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.Position).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Stream).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.StreamType).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.Version).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Type).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Jsonb, rows.Select(r => r.Data).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Jsonb, rows.Select(r => r.Metadata).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, rows.Select(r => r.At).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Bytea, rows.Select(r => r.Prev).ToArray()),
            Param(NpgsqlDbType.Array | NpgsqlDbType.Bytea, rows.Select(r => r.Hash).ToArray())));
        batch.BatchCommands.Add(Command(MoveHead, Param(NpgsqlDbType.Bigint, head + total), Param(NpgsqlDbType.Bytea, previous)));
        // Delivered only when the transaction commits, and in commit order: a rolled-back append wakes nobody.
        batch.BatchCommands.Add(Command(Notify, Param(NpgsqlDbType.Text, (head + total).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await batch.PrepareAsync(ct);
        await batch.ExecuteNonQueryAsync(ct);
        return stored;
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
