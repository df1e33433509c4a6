using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Grants.EventStore;

/// <summary>The one JSON shape of every event body: what auditors read in the database and what the hash chain covers.</summary>
internal static class EventJson
{
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            // Enum numbers change meaning when someone reorders the enum; names do not.
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
            NumberHandling = JsonNumberHandling.Strict,
            // An upcaster that forgets a field must fail loudly, not read as a zero amount or a null payee.
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
            // Explicit, so hosts that switch reflection off by default (trimmed or file-based apps) still work.
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
