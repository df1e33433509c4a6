using Npgsql;

namespace Grants.EventStore;

/// <summary>One grants.events row exactly as stored, before the body is turned into a CLR record. Data and metadata
/// stay the UTF-8 text PostgreSQL sends: the deserialiser, the metadata parser and the hash all read UTF-8, so a
/// UTF-16 string in between was two transcodings per field of every event read.</summary>
internal sealed record EventRow(long Position, string StreamId, string StreamType, long Version, string EventType,
                                byte[] Data, byte[] Metadata, DateTimeOffset RecordedAt, byte[] PreviousHash, byte[] Hash)
{
    public const string Columns = "position, stream_id, stream_type, version, type, data, metadata, recorded_at, prev_hash, hash";

    public static EventRow Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
        reader.GetFieldValue<byte[]>(5), reader.GetFieldValue<byte[]>(6), reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetFieldValue<byte[]>(8), reader.GetFieldValue<byte[]>(9));

    public StoredEvent ToStoredEvent(EventTypeRegistry types) => new(
        Position, StreamId, StreamType, Version, EventType, types.Deserialize(EventType, Data),
        MetadataJson.Parse(Metadata), RecordedAt, Hash, PreviousHash);
}
