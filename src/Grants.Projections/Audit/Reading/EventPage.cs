using Npgsql;
using NpgsqlTypes;

namespace Grants.Projections.Audit.Reading;

/// <summary>Up to a page of matching events after a position, and how far the page has looked: when it is not full,
/// every position up to the head (as seen by the same statement) has been examined, so a reader with a sparse
/// filter moves on to the head instead of scanning the same non-matching events again.</summary>
internal sealed record EventPage(IReadOnlyList<RawEvent> Events, long ScannedThrough, long Head)
{
    // One statement, so head and rows come from one snapshot: appends commit in position order with the head row,
    // hence every event up to the head seen here is visible here.
    private const string Sql = $$"""
        select h.position, e.*
          from grants.event_head h
          left join lateral (
                select {{RawEvent.Columns}} from grants.events
                 where position > $1 and position <= least(h.position, $2)
                   and ($4::text is null or stream_id = $4)
                   and ($5::text is null or stream_type = $5)
                   and ($6::text[] is null or type = any($6))
                   and ($7::timestamptz is null or recorded_at >= $7)
                   and ($8::timestamptz is null or recorded_at < $8)
                   and ($9::text is null or jsonb_path_exists(data,
                        '$.** ? (@.paying_bureau == $b || @.approver_bureau == $b || @.official_bureau == $b || @.bureau == $b)',
                        jsonb_build_object('b', $9::text)))
                 order by position
                 limit $3) e on true
         order by e.position
        """;

    /// <param name="through">Highest position wanted (inclusive).</param>
    public static async Task<EventPage> Read(NpgsqlConnection connection, long after, long through, EventFilter filter,
                                             int pageSize, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = after });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = through });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = pageSize });
        command.Parameters.Add(Optional(NpgsqlDbType.Text, filter.StreamId));
        command.Parameters.Add(Optional(NpgsqlDbType.Text, filter.StreamType));
        command.Parameters.Add(Optional(NpgsqlDbType.Array | NpgsqlDbType.Text,
            filter.EventTypes is { Count: > 0 } types ? types.ToArray() : null));
        command.Parameters.Add(Optional(NpgsqlDbType.TimestampTz, filter.RecordedFrom?.UtcDateTime));
        command.Parameters.Add(Optional(NpgsqlDbType.TimestampTz, filter.RecordedBefore?.UtcDateTime));
        command.Parameters.Add(Optional(NpgsqlDbType.Text, filter.Bureau));

        var events = new List<RawEvent>();
        long head = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                head = reader.GetInt64(0);
                if (!reader.IsDBNull(1))
                    events.Add(RawEvent.Read(reader, 1));
            }
        }

        var scanned = events.Count == pageSize ? events[^1].Position : Math.Min(head, through);
        return new EventPage(events, Math.Max(scanned, after), head);
    }

    private static NpgsqlParameter Optional(NpgsqlDbType type, object? value) =>
        new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
