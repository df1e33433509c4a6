using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>One measure of a policy definition. Kinds and applicant kinds are wire names (see <see cref="WireNames"/>);
/// <see cref="Limits"/> and <see cref="PayingBureau"/> are absent for non-monetary measures.</summary>
public sealed record MeasureDefinition
{
    [JsonPropertyName("article")] public required string Article { get; init; }
    [JsonPropertyName("title_zh")] public required string TitleZh { get; init; }
    [JsonPropertyName("title_en")] public required string TitleEn { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("limits")] public LimitsDefinition? Limits { get; init; }
    [JsonPropertyName("responsible_bureaus")] public required IReadOnlyList<string> ResponsibleBureaus { get; init; }
    [JsonPropertyName("paying_bureau")] public string? PayingBureau { get; init; }
    [JsonPropertyName("eligible_applicants")] public required IReadOnlyList<string> EligibleApplicants { get; init; }
    [JsonPropertyName("source_text")] public required string SourceText { get; init; }
    [JsonPropertyName("note")] public string? Note { get; init; }
}
