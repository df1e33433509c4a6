using System.Runtime.CompilerServices;
using Npgsql;

namespace Grants.Projections.Audit.Reading;

/// <summary>The event log as auditors read it: raw rows in global order, filtered, up to a bound or followed live.
/// It reads rows itself rather than through PostgresEventStore.Follow because that deserialises every body, and an
/// audit stream must keep going past a row someone altered into something no CLR type accepts; the live protocol is
/// the store's (docs/EVENT-STORE.md "Reading"): LISTEN before the first read, wake on NOTIFY, never on a timer.</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    public const int PageSize = 500;

    /// <summary>The head position now.</summary>
    public async Task<long> HeadPosition(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("select position from grants.event_head", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>One stream's rows in version order (by its own index, not a scan of the global order).</summary>
    public async Task<IReadOnlyList<RawEvent>> ReadStream(string streamId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            select {RawEvent.Columns} from grants.events where stream_id = $1 order by version
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        var events = new List<RawEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            events.Add(RawEvent.Read(reader, 0));
        return events;
    }

    /// <summary>Matching events with position in (<paramref name="after"/>, <paramref name="through"/>], in order;
    /// <paramref name="through"/> null means the head when the read starts.</summary>
    public async IAsyncEnumerable<RawEvent> Read(long after, long? through, EventFilter filter,
                                                 [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var cursor = after;
        var end = through ?? long.MaxValue;
        while (true)
        {
            var page = await EventPage.Read(connection, cursor, end, filter, PageSize, ct);
            // The first page fixes "the head when the read starts", so a long export has an end.
            if (through is null)
                end = Math.Min(end, page.Head);
            foreach (var e in page.Events)
                yield return e;
            if (page.ScannedThrough >= Math.Min(end, page.Head) || page.ScannedThrough == cursor)
                yield break;
            cursor = page.ScannedThrough;
        }
    }

    /// <summary>Every matching event after <paramref name="after"/>, exactly once and in order, then each new one as it
    /// commits; ends quietly when <paramref name="ct"/> is cancelled.</summary>
    public async IAsyncEnumerable<RawEvent> Follow(long after, EventFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        long notifications = 0;
        connection.Notification += (_, _) => Interlocked.Increment(ref notifications);
        await using var listening = await Grants.EventStore.ChannelListener.Start(connection, ct);

        var cursor = after;
        while (!ct.IsCancellationRequested)
        {
            var seen = Interlocked.Read(ref notifications);
            var page = await ReadOrNull(connection, cursor, filter, ct);
            if (page is null)
                yield break;
            foreach (var e in page.Events)
                yield return e;
            cursor = page.ScannedThrough;
            // A full page means more is waiting; otherwise sleep until a commit, unless one came during the read
            // (its notification was consumed by that read and would not wake the wait).
            if (page.Events.Count < PageSize && Interlocked.Read(ref notifications) == seen && !await WaitOrFalse(connection, ct))
                yield break;
        }
    }

    private static async Task<EventPage?> ReadOrNull(NpgsqlConnection connection, long cursor, EventFilter filter, CancellationToken ct)
    {
        try
        {
            return await EventPage.Read(connection, cursor, long.MaxValue, filter, PageSize, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<bool> WaitOrFalse(NpgsqlConnection connection, CancellationToken ct)
    {
        try
        {
            await connection.WaitAsync(ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
