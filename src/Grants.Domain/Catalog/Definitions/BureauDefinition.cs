using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>A bureau as written in seeds/bureaus.json and in catalog events.</summary>
public sealed record BureauDefinition
{
    [JsonPropertyName("code")] public required string Code { get; init; }
    [JsonPropertyName("name_zh")] public required string NameZh { get; init; }
    [JsonPropertyName("short_name_zh")] public required string ShortNameZh { get; init; }
    [JsonPropertyName("name_en")] public required string NameEn { get; init; }
    [JsonPropertyName("jurisdiction")] public required string Jurisdiction { get; init; }
}
