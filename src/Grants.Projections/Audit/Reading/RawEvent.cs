using System.Text;
using System.Text.Json;
using Grants.EventStore;
using Npgsql;

namespace Grants.Projections.Audit.Reading;

/// <summary>One grants.events row as stored, body untouched: audits must see (and export) exactly what the hash chain
/// covers, also when a body no longer deserialises or was written under an old name that is upcast today.</summary>
public sealed record RawEvent(
    long Position,
    string StreamId,
    string StreamType,
    long Version,
    string EventType,
    string DataJson,
    string MetadataJson,
    DateTimeOffset RecordedAt,
    byte[] PreviousHash,
    byte[] Hash)
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns =
        "position, stream_id, stream_type, version, type, data::text, metadata::text, recorded_at, prev_hash, hash";

    /// <summary>A row selected with <see cref="Columns"/> starting at column <paramref name="first"/>.</summary>
    public static RawEvent Read(NpgsqlDataReader reader, int first) => new(
        reader.GetInt64(first), reader.GetString(first + 1), reader.GetString(first + 2), reader.GetInt64(first + 3),
        reader.GetString(first + 4), reader.GetString(first + 5), reader.GetString(first + 6),
        reader.GetFieldValue<DateTimeOffset>(first + 7), reader.GetFieldValue<byte[]>(first + 8), reader.GetFieldValue<byte[]>(first + 9));

    /// <summary>Data and metadata in canonical form (the text the hash covers), or, for a row someone altered into
    /// something that has no canonical form, the stored text and the reason.</summary>
    public CanonicalBody Canonical()
    {
        try
        {
            return new CanonicalBody(
                Encoding.UTF8.GetString(CanonicalJson.Canonicalize(DataJson)),
                Encoding.UTF8.GetString(CanonicalJson.Canonicalize(MetadataJson)),
                null);
        }
        catch (Exception e) when (e is CanonicalJsonException or JsonException)
        {
            return new CanonicalBody(DataJson, MetadataJson, e.Message);
        }
    }

    /// <summary>The stored event as the projections and deciders see it (upcast to the current type).</summary>
    public StoredEvent ToStoredEvent(EventTypeRegistry types) => new(
        Position, StreamId, StreamType, Version, EventType, types.Deserialize(EventType, DataJson),
        ToMetadata(), RecordedAt, Hash, PreviousHash);

    /// <summary>The metadata object as fields (absent ids are null).</summary>
    public EventMetadata ToMetadata()
    {
        using var document = JsonDocument.Parse(MetadataJson);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return new EventMetadata("", "");
        return EventMetadata.FromStoredJson(MetadataJson);
    }
}

/// <param name="Problem">Null when both are canonical.</param>
public sealed record CanonicalBody(string DataJson, string MetadataJson, string? Problem);
