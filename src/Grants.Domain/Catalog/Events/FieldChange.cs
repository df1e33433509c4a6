using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>One field of a definition that a revision changed, e.g. field "measures[18].limits.cap_fen", before
/// "100000000", after "50000000". Values are JSON text; null means the field (or measure) was absent.</summary>
public sealed record FieldChange(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("before")] string? Before,
    [property: JsonPropertyName("after")] string? After);
