using System.Text;
using System.Text.Json;
using Grants.EventStore;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>Event metadata read straight from its UTF-8 text with one forward pass, with the same result as
/// <see cref="EventMetadata.FromStoredJson"/> on the jsonb text (strings where strings are, the note's raw object
/// text, everything else absent), without building a document per event.</summary>
internal static class StoredMetadata
{
    public static EventMetadata Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return new EventMetadata("", "");

        string? actor = null, requestId = null, correlationId = null, causationId = null, note = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                var value = reader.GetString();
                switch (name)
                {
                    case "actor": actor = value; break;
                    case "request_id": requestId = value; break;
                    case "correlation_id": correlationId = value; break;
                    case "causation_id": causationId = value; break;
                }
                continue;
            }

            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (name == "note" && json[start] == (byte)'{')
                note = Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
        }
        return new EventMetadata(actor ?? "", requestId ?? "", correlationId, causationId, note);
    }
}
