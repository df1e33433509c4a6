using Npgsql;

namespace Grants.EventStore;

/// <summary>One grants.events row exactly as stored, before the body is turned into a CLR record.</summary>
internal sealed record EventRow(long Position, string StreamId, string StreamType, long Version, string EventType,
                                string DataJson, string MetadataJson, DateTimeOffset RecordedAt, byte[] PreviousHash, byte[] Hash)
{
    public const string Columns = "position, stream_id, stream_type, version, type, data, metadata, recorded_at, prev_hash, hash";

    public static EventRow Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
        reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetFieldValue<byte[]>(8), reader.GetFieldValue<byte[]>(9));

    public StoredEvent ToStoredEvent(EventTypeRegistry types) => new(
        Position, StreamId, StreamType, Version, EventType, types.Deserialize(EventType, DataJson),
        Grants.EventStore.MetadataJson.Parse(MetadataJson), RecordedAt, Hash, PreviousHash);
}
