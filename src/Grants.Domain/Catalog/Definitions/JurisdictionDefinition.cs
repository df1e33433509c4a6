using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>A jurisdiction as written in seeds/jurisdictions.json and in catalog events.</summary>
public sealed record JurisdictionDefinition
{
    [JsonPropertyName("code")] public required string Code { get; init; }
    [JsonPropertyName("name_zh")] public required string NameZh { get; init; }
    [JsonPropertyName("name_en")] public required string NameEn { get; init; }
    [JsonPropertyName("parent")] public string? Parent { get; init; }
}
