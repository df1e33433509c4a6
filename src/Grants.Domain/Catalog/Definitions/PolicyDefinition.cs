using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>A policy as written in seeds/policies/*.json; policy_registered.v1 and policy_revised.v1 carry it whole, so
/// the stored event reads exactly like the seed file it came from.</summary>
public sealed record PolicyDefinition
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("document_number")] public required string DocumentNumber { get; init; }
    [JsonPropertyName("title_zh")] public required string TitleZh { get; init; }
    [JsonPropertyName("title_en")] public required string TitleEn { get; init; }
    [JsonPropertyName("jurisdiction")] public required string Jurisdiction { get; init; }
    [JsonPropertyName("in_force_from")] public required DateOnly InForceFrom { get; init; }
    [JsonPropertyName("in_force_to")] public required DateOnly InForceTo { get; init; }
    [JsonPropertyName("in_force_source_text")] public required string InForceSourceText { get; init; }
    [JsonPropertyName("source_file")] public string? SourceFile { get; init; }
    [JsonPropertyName("measures")] public required IReadOnlyList<MeasureDefinition> Measures { get; init; }
}
