using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>Stable id of a policy document, e.g. "HP-2024-3" for 黄投促办规〔2024〕3号.</summary>
[JsonConverter(typeof(PolicyIdJsonConverter))]
public sealed record PolicyId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Stable id of a measure: policy id, "/", article number, e.g. "HP-2024-3/18".</summary>
[JsonConverter(typeof(MeasureIdJsonConverter))]
public sealed record MeasureId(string Value)
{
    public static MeasureId Of(PolicyId policy, string article) => new($"{policy.Value}/{article}");
    public override string ToString() => Value;
}

/// <summary>Stable code of a bureau, e.g. "HP-IPO" for 黄浦区投资促进办公室 (区投促办).</summary>
[JsonConverter(typeof(BureauCodeJsonConverter))]
public sealed record BureauCode(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Stable code of a jurisdiction: "SH" 上海市, "SH-HP" 黄浦区, "SH-PD" 浦东新区.</summary>
[JsonConverter(typeof(JurisdictionCodeJsonConverter))]
public sealed record JurisdictionCode(string Value)
{
    public override string ToString() => Value;
}
