namespace Grants.Domain.Catalog;

/// <summary>A floor (and optional cap) for one class of beneficiary, e.g. article 19: at least 20万 for a municipal
/// talent programme, at least 10万 for a district one.</summary>
public sealed record Tier(string Code, string NameZh, string NameEn, Money Floor, Money? Cap);

/// <summary>The money limits of a measure. <see cref="Cap"/> is null when there is no fixed cap: either the measure is
/// non-monetary, or <see cref="CapSetByBureauRule"/> is true and the cap arrives later as a configured-cap event.</summary>
public sealed record MeasureLimits(
    Money? Cap,
    Money? Floor,
    bool PerPerson,
    CapScope Scope,
    bool CapSetByBureauRule,
    IReadOnlyList<Tier> Tiers)
{
    public static readonly MeasureLimits None = new(null, null, false, CapScope.PerAward, false, []);
}

/// <summary>A numbered measure (article) of a policy document, as the catalog knows it. <see cref="SourceText"/> is the
/// article quoted verbatim; <see cref="Note"/> records how the seed read the text where the text leaves a choice open.</summary>
public sealed record Measure(
    MeasureId Id,
    PolicyId Policy,
    string Article,
    string TitleZh,
    string TitleEn,
    MeasureKind Kind,
    MeasureLimits Limits,
    IReadOnlyList<BureauCode> ResponsibleBureaus,
    BureauCode? PayingBureau,
    IReadOnlyList<ApplicantKind> EligibleApplicants,
    string SourceText,
    string? Note = null)
{
    public bool IsMonetary => Kind != MeasureKind.NonMonetary;

    /// <summary>How officers cite the measure in messages, e.g. "HP-2024-3 art.18".</summary>
    public string Label => $"{Policy.Value} art.{Article}";
}
