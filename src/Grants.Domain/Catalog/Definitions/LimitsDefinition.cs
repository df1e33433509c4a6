using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>Money limits in integer fen (1 万元 = 1,000,000 fen; 1 亿元 = 10,000,000,000 fen).</summary>
public sealed record LimitsDefinition
{
    [JsonPropertyName("cap_fen")] public long? CapFen { get; init; }
    [JsonPropertyName("floor_fen")] public long? FloorFen { get; init; }
    [JsonPropertyName("per_person")] public bool PerPerson { get; init; }
    [JsonPropertyName("cap_scope")] public required string CapScope { get; init; }
    [JsonPropertyName("cap_set_by_bureau_rule")] public bool CapSetByBureauRule { get; init; }
    [JsonPropertyName("tiers")] public IReadOnlyList<TierDefinition> Tiers { get; init; } = [];
}

/// <summary>A class of beneficiary with its own floor (and optional cap), e.g. article 19's municipal and district tiers.</summary>
public sealed record TierDefinition
{
    [JsonPropertyName("code")] public required string Code { get; init; }
    [JsonPropertyName("name_zh")] public required string NameZh { get; init; }
    [JsonPropertyName("name_en")] public required string NameEn { get; init; }
    [JsonPropertyName("floor_fen")] public required long FloorFen { get; init; }
    [JsonPropertyName("cap_fen")] public long? CapFen { get; init; }
}
