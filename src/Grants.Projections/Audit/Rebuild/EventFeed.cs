using System.Globalization;
using System.Threading.Channels;
using Grants.EventStore;
using Grants.Projections.Audit.Reading;
using Npgsql;
using NpgsqlTypes;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>Events up to a position, read with one binary COPY and deserialised on a task of their own, handed over
/// in batches through a bounded channel: reading and parsing overlap with the fold on the other core, and a slow fold
/// holds the reader back instead of filling the memory.</summary>
internal sealed class EventFeed(NpgsqlDataSource live, EventTypeRegistry types)
{
    private const int BatchSize = 512;

    // COPY takes no parameters: the position travels as a session setting, so the statement stays a constant.
    private const string Copy = $"""
        copy (select {RawEvent.Columns} from grants.events
               where position <= current_setting('grants.rebuild_through')::bigint order by position)
          to stdout (format binary)
        """;

    /// <summary>A batch of events in order; <paramref name="Unreadable"/> ends the feed at an event that cannot be
    /// deserialised.</summary>
    public sealed record Batch(List<StoredEvent> Events, Difference? Unreadable);

    public (ChannelReader<Batch> Batches, Task Reading) Start(long through, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
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

    private async Task Read(ChannelWriter<Batch> output, long through, CancellationToken ct)
    {
        await using var connection = await live.OpenConnectionAsync(ct);
        await using (var setting = new NpgsqlCommand("select set_config('grants.rebuild_through', $1, false)", connection))
        {
            setting.Parameters.Add(new NpgsqlParameter { Value = through.ToString(CultureInfo.InvariantCulture) });
            await setting.ExecuteNonQueryAsync(ct);
        }

        await using var export = await connection.BeginBinaryExportAsync(Copy, ct);
        var batch = new List<StoredEvent>(BatchSize);
        while (!ct.IsCancellationRequested && export.StartRow() != -1)
        {
            var raw = new RawEvent(
                export.Read<long>(NpgsqlDbType.Bigint), export.Read<string>(NpgsqlDbType.Text), export.Read<string>(NpgsqlDbType.Text),
                export.Read<long>(NpgsqlDbType.Bigint), export.Read<string>(NpgsqlDbType.Text), export.Read<string>(NpgsqlDbType.Text),
                export.Read<string>(NpgsqlDbType.Text), export.Read<DateTimeOffset>(NpgsqlDbType.TimestampTz),
                export.Read<byte[]>(NpgsqlDbType.Bytea), export.Read<byte[]>(NpgsqlDbType.Bytea));
            try
            {
                batch.Add(raw.ToStoredEvent(types));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                await output.WriteAsync(new Batch(batch, Refused.At(raw.Position, raw.EventType, $"cannot be read: {e.Message}")), ct);
                return;
            }
            if (batch.Count == BatchSize)
            {
                await output.WriteAsync(new Batch(batch, null), ct);
                batch = new List<StoredEvent>(BatchSize);
            }
        }
        if (batch.Count > 0)
            await output.WriteAsync(new Batch(batch, null), ct);
    }
}
