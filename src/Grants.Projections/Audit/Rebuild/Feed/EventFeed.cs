using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Grants.EventStore;
using Npgsql;

namespace Grants.Projections.Audit.Rebuild.Feed;

/// <summary>Events up to a position, read with one binary COPY on a connection of their own. The reader only cuts the
/// raw COPY into blocks of whole rows; each block is decoded on the thread pool straight from its bytes (bodies
/// deserialised from UTF-8, notes looked at in place) while the next is read, and the decoded batches are handed
/// over, still in order, through a bounded channel: decoding uses every core the fold leaves free, and a slow fold
/// holds the reader back instead of filling the memory.</summary>
internal sealed class EventFeed(NpgsqlDataSource live, EventTypeRegistry types)
{
    // COPY takes no parameters: the position travels as a session setting, so the statement stays a constant. The
    // projections read no hash and of the metadata only the note and the request id that files it; the checks on
    // their JSON types are the decoder's (a jsonb's text starts with '{' for an object, '"' for a string).
    private const string Copy = """
        copy (select position, version, type, data, stream_id, metadata->'note', metadata->'request_id', recorded_at
                from grants.events
               where position <= current_setting('grants.rebuild_through')::bigint order by position)
          to stdout (format binary)
        """;

    private readonly EventNames _names = new();

    // A block's list of events is handed back once folded and decodes a later block: a fresh list per block grew twice
    // on the way to its few hundred events, about 150 MB of garbage at a million events.
    private readonly ConcurrentQueue<List<ReplayedEvent>> _lists = new();

    /// <summary>A block's events in order; <paramref name="Unreadable"/> ends the feed at an event that cannot be
    /// read. Notes point into <paramref name="Block"/>, returned once the batch is folded.</summary>
    public sealed record Batch(CopyBlock Block, List<ReplayedEvent> Events, Difference? Unreadable);

    /// <summary>Takes back a batch's list once nothing reads its events any more.</summary>
    public void Recycle(List<ReplayedEvent> events)
    {
        events.Clear();
        _lists.Enqueue(events);
    }

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

        await using var copy = await connection.BeginRawBinaryCopyAsync(Copy, ct);
        var blocks = new CopyBlocks(copy);
        while (await blocks.Next(ct) is { } block)
            await output.WriteAsync(Task.Run(() => Decode(block), CancellationToken.None), ct);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Batch Decode(CopyBlock block)
    {
        var events = _lists.TryDequeue(out var reused) ? reused : new List<ReplayedEvent>(512);
        var fields = new CopyFields(block);
        while (fields.NextRow())
        {
            var (position, type) = (0L, "");
            try
            {
                position = fields.Int64();
                var version = fields.Int64();
                type = _names.Of(fields.Text().Span);
                var data = types.Deserialize(type, fields.Jsonb().Span);
                var streamId = fields.Text();
                var note = fields.Jsonb();
                var requestId = fields.Jsonb();
                events.Add(new ReplayedEvent(position, version, type, data, fields.TimestampTz(), NoteReading.Of(note, requestId, streamId)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Whatever a body does to the deserialiser (bad JSON, a missing field, a constructor that refuses a
                // value), the event cannot be read: a finding at its position, never a crash of the audit.
                return new Batch(block, events, Refused.At(position, type, $"cannot be read: {e.Message}"));
            }
        }
        return new Batch(block, events, null);
    }
}
