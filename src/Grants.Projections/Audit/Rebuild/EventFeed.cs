using System.Globalization;
using System.Threading.Channels;
using Grants.EventStore;
using Grants.Projections.Audit.Reading;
using Npgsql;
using NpgsqlTypes;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>Events up to a position, read with one binary COPY on a connection of their own and deserialised as
/// <see cref="RawEvent.ToStoredEvent"/> does (hashes left empty, metadata reduced to what projections read).
/// Deserialising costs several times what reading does, so each batch of rows is deserialised on the thread pool
/// while the next is read, and the batches are handed over, still in order, through a bounded channel: parsing uses
/// every core the fold leaves free, and a slow fold holds the reader back instead of filling the memory.</summary>
internal sealed class EventFeed(NpgsqlDataSource live, EventTypeRegistry types)
{
    private const int BatchSize = 256;

    // COPY takes no parameters: the position travels as a session setting, so the statement stays a constant. The
    // projections read no hash, and of the metadata only the request id and the note, which PostgreSQL extracts with
    // the same rules as EventMetadata.FromStoredJson (a string, an object), sparing the client a JSON pass per event.
    private const string Copy = """
        copy (select position, stream_id, stream_type, version, type, data::text,
                     case when jsonb_typeof(metadata->'request_id') = 'string' then metadata->>'request_id' end,
                     case when jsonb_typeof(metadata->'note') = 'object' then (metadata->'note')::text end,
                     recorded_at
                from grants.events
               where position <= current_setting('grants.rebuild_through')::bigint order by position)
          to stdout (format binary)
        """;

    /// <summary>A batch of events in order; <paramref name="Unreadable"/> ends the feed at an event that cannot be
    /// deserialised.</summary>
    public sealed record Batch(List<StoredEvent> Events, Difference? Unreadable);

    public (ChannelReader<Task<Batch>> Batches, Task Reading) Start(long through, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<Task<Batch>>(new BoundedChannelOptions(Environment.ProcessorCount + 2)
        {
            SingleReader = true, SingleWriter = true,
        });
        var reading = Task.Run(async () =>
        {
            try
            {
                await Read(channel.Writer, through, ct);
                channel.Writer.TryComplete();
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        return (channel.Reader, reading);
    }

    private async Task Read(ChannelWriter<Task<Batch>> output, long through, CancellationToken ct)
    {
        await using var connection = await live.OpenConnectionAsync(ct);
        await using (var setting = new NpgsqlCommand("select set_config('grants.rebuild_through', $1, false)", connection))
        {
            setting.Parameters.Add(new NpgsqlParameter { Value = through.ToString(CultureInfo.InvariantCulture) });
            await setting.ExecuteNonQueryAsync(ct);
        }

        await using var export = await connection.BeginBinaryExportAsync(Copy, ct);
        var rows = new List<Row>(BatchSize);
        while (!ct.IsCancellationRequested && export.StartRow() != -1)
        {
            rows.Add(new Row(export.Read<long>(NpgsqlDbType.Bigint), export.Read<string>(NpgsqlDbType.Text),
                export.Read<string>(NpgsqlDbType.Text), export.Read<long>(NpgsqlDbType.Bigint), export.Read<string>(NpgsqlDbType.Text),
                export.Read<string>(NpgsqlDbType.Text), Optional(export), Optional(export),
                export.Read<DateTimeOffset>(NpgsqlDbType.TimestampTz)));
            if (rows.Count == BatchSize)
            {
                var full = rows;
                await output.WriteAsync(Task.Run(() => Deserialise(full), CancellationToken.None), ct);
                rows = new List<Row>(BatchSize);
            }
        }
        if (rows.Count > 0)
            await output.WriteAsync(Task.Run(() => Deserialise(rows), CancellationToken.None), ct);
    }

    private Batch Deserialise(List<Row> rows)
    {
        var events = new List<StoredEvent>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                events.Add(new StoredEvent(row.Position, row.StreamId, row.StreamType, row.Version, row.Type,
                    types.Deserialize(row.Type, row.Data), new EventMetadata("", row.RequestId ?? "", Note: row.Note), row.RecordedAt,
                    [], []));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                return new Batch(events, Refused.At(row.Position, row.Type, $"cannot be read: {e.Message}"));
            }
        }
        return new Batch(events, null);
    }

    private static string? Optional(NpgsqlBinaryExporter export) => export.IsNull ? Skipped(export) : export.Read<string>(NpgsqlDbType.Text);

    private static string? Skipped(NpgsqlBinaryExporter export)
    {
        export.Skip();
        return null;
    }

    /// <summary>A row as read; the event's metadata is reduced to what the projections use (request id, note).</summary>
    private sealed record Row(
        long Position, string StreamId, string StreamType, long Version, string Type, string Data, string? RequestId, string? Note,
        DateTimeOffset RecordedAt);
}
