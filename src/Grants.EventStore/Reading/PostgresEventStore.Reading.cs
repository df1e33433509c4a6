using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace Grants.EventStore;

public sealed partial class PostgresEventStore
{
    /// <summary>The LISTEN/NOTIFY channel a committed append notifies with its last position (for raw-row readers).</summary>
    public const string Channel = "grants_events";
    private const int FollowBatchSize = 500;

    private const string ReadAfterSql =
        $"select {EventRow.Columns} from grants.events where position > $1 order by position limit $2";

    /// <summary>One stream in version order, optionally only up to a version, or as it stood at a moment: reading
    /// stops at the first event recorded after <paramref name="asOf"/>, so the result is always a prefix.</summary>
    public async IAsyncEnumerable<StoredEvent> ReadStream(string streamId, long? toVersion = null, DateTimeOffset? asOf = null,
                                                          [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select {EventRow.Columns} from grants.events where stream_id = $1 and version <= $2 order by version", connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = toVersion ?? long.MaxValue });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = EventRow.Read(reader);
            if (asOf is { } moment && row.RecordedAt > moment)
                yield break;
            yield return row.ToStoredEvent(Types);
        }
    }

    /// <summary>The global order. Positions are dense and commit in order, so "after P" never misses an event that
    /// commits later: every later commit has a position above the current head.</summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadAll(long afterPosition, int maxCount, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        return await ReadAfter(connection, null, afterPosition, maxCount, ct);
    }

    /// <summary>Every event after <paramref name="afterPosition"/>, exactly once and in order, then each new one as it
    /// commits; ends quietly when <paramref name="ct"/> is cancelled. Woken by NOTIFY, never by a timer.</summary>
    public async IAsyncEnumerable<StoredEvent> Follow(long afterPosition, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        long notifications = 0;
        connection.Notification += (_, _) => Interlocked.Increment(ref notifications);
        // LISTEN before the first read: a commit between the read and the LISTEN would otherwise wake nobody.
        await using var listening = await ChannelListener.Start(connection, ct);

        var position = afterPosition;
        while (!ct.IsCancellationRequested)
        {
            var seen = Interlocked.Read(ref notifications);
            var batch = await ReadOrWait(connection, position, seen, () => Interlocked.Read(ref notifications), ct);
            if (batch is null)
                yield break;
            foreach (var e in batch)
            {
                yield return e;
                position = e.Position;
            }
        }
    }

    public async Task<ChainHead> Head(CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        return await ReadHead(connection, null, ct);
    }

    internal static async Task<ChainHead> ReadHead(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select position, hash from grants.event_head", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            throw new InvalidOperationException("grants.event_head is empty: the event store schema was not migrated.");
        return new ChainHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
    }

    internal async Task<IReadOnlyList<StoredEvent>> ReadAfter(NpgsqlConnection connection, NpgsqlTransaction? transaction,
                                                              long afterPosition, int maxCount, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ReadAfterSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = afterPosition });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = maxCount });
        await command.PrepareAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(ct))
            events.Add(EventRow.Read(reader).ToStoredEvent(Types));
        return events;
    }

    /// <returns>The next events; null once cancelled.</returns>
    private async Task<IReadOnlyList<StoredEvent>?> ReadOrWait(NpgsqlConnection connection, long position, long seenBeforeRead,
                                                              Func<long> notificationsNow, CancellationToken ct)
    {
        try
        {
            var batch = await ReadAfter(connection, null, position, FollowBatchSize, ct);
            if (batch.Count > 0)
                return batch;
            // A notification that arrived while the read ran was consumed by it, so WaitAsync would not see it.
            if (notificationsNow() == seenBeforeRead)
                await connection.WaitAsync(ct);
            return [];
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
