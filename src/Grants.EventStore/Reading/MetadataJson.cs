using System.Buffers;
using System.Text.Json;

namespace Grants.EventStore;

/// <summary>Metadata as stored in jsonb: {"actor","request_id","correlation_id","causation_id","note"}, absent ones
/// omitted; "note" is a JSON object.</summary>
internal static class MetadataJson
{
    public static byte[] ToCanonicalUtf8(EventMetadata metadata)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("actor", metadata.Actor);
            writer.WriteString("request_id", metadata.RequestId);
            if (metadata.CorrelationId is not null) writer.WriteString("correlation_id", metadata.CorrelationId);
            if (metadata.CausationId is not null) writer.WriteString("causation_id", metadata.CausationId);
            if (metadata.Note is not null)
            {
                writer.WritePropertyName("note");
                writer.WriteRawValue(metadata.Note, skipInputValidation: false);
            }
            writer.WriteEndObject();
        }
        return CanonicalJson.Canonicalize(buffer.WrittenSpan);
    }

    public static EventMetadata Parse(string json) => Parse(JsonDocument.Parse(json));

    /// <summary>From the UTF-8 text as PostgreSQL sends it.</summary>
    public static EventMetadata Parse(ReadOnlyMemory<byte> utf8Json) => Parse(JsonDocument.Parse(utf8Json));

    private static EventMetadata Parse(JsonDocument parsed)
    {
        using var document = parsed;
        var root = document.RootElement;
        return new EventMetadata(
            Text(root, "actor") ?? "",
            Text(root, "request_id") ?? "",
            Text(root, "correlation_id"),
            Text(root, "causation_id"),
            root.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.Object ? note.GetRawText() : null);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
