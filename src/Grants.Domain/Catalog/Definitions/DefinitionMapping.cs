namespace Grants.Domain.Catalog;

/// <summary>Definitions (wire form) to catalog records and back. The two directions are exact inverses, which is what
/// lets <see cref="CatalogDecider.DecideSeed"/> compare a seed with the catalog and find no change when there is none.
/// To-record mapping expects a validated definition (see <see cref="CatalogSeed"/>); stored events always are.</summary>
public static class DefinitionMapping
{
    public static Jurisdiction ToJurisdiction(this JurisdictionDefinition d) =>
        new(new JurisdictionCode(d.Code), d.NameZh, d.NameEn, d.Parent is null ? null : new JurisdictionCode(d.Parent));

    public static JurisdictionDefinition ToDefinition(this Jurisdiction j) =>
        new() { Code = j.Code.Value, NameZh = j.NameZh, NameEn = j.NameEn, Parent = j.Parent?.Value };

    public static Bureau ToBureau(this BureauDefinition d) =>
        new(new BureauCode(d.Code), d.NameZh, d.ShortNameZh, d.NameEn, new JurisdictionCode(d.Jurisdiction));

    public static BureauDefinition ToDefinition(this Bureau b) =>
        new()
        {
            Code = b.Code.Value,
            NameZh = b.NameZh,
            ShortNameZh = b.ShortNameZh,
            NameEn = b.NameEn,
            Jurisdiction = b.Jurisdiction.Value,
        };

    public static Policy ToPolicy(this PolicyDefinition d)
    {
        var id = new PolicyId(d.Id);
        return new Policy(
            id,
            d.DocumentNumber,
            d.TitleZh,
            d.TitleEn,
            new JurisdictionCode(d.Jurisdiction),
            d.InForceFrom,
            d.InForceTo,
            [.. d.Measures.Select(m => m.ToMeasure(id))],
            d.InForceSourceText,
            d.SourceFile);
    }

    public static PolicyDefinition ToDefinition(this Policy p) =>
        new()
        {
            Id = p.Id.Value,
            DocumentNumber = p.DocumentNumber,
            TitleZh = p.TitleZh,
            TitleEn = p.TitleEn,
            Jurisdiction = p.Jurisdiction.Value,
            InForceFrom = p.InForceFrom,
            InForceTo = p.InForceTo,
            InForceSourceText = p.InForceSourceText ?? "",
            SourceFile = p.SourceFile,
            Measures = [.. p.Measures.Select(ToDefinition)],
        };

    public static Measure ToMeasure(this MeasureDefinition d, PolicyId policy) =>
        new(
            MeasureId.Of(policy, d.Article),
            policy,
            d.Article,
            d.TitleZh,
            d.TitleEn,
            WireNames.MeasureKinds[d.Kind],
            d.Limits is null ? MeasureLimits.None : d.Limits.ToLimits(),
            [.. d.ResponsibleBureaus.Select(b => new BureauCode(b))],
            d.PayingBureau is null ? null : new BureauCode(d.PayingBureau),
            [.. d.EligibleApplicants.Select(a => WireNames.ApplicantKinds[a])],
            d.SourceText,
            d.Note);

    public static MeasureDefinition ToDefinition(this Measure m) =>
        new()
        {
            Article = m.Article,
            TitleZh = m.TitleZh,
            TitleEn = m.TitleEn,
            Kind = WireNames.Of(m.Kind),
            // Non-monetary measures carry no limits at all, so "no money" is visible in the wire form too.
            Limits = m.IsMonetary ? m.Limits.ToDefinition() : null,
            ResponsibleBureaus = [.. m.ResponsibleBureaus.Select(b => b.Value)],
            PayingBureau = m.PayingBureau?.Value,
            EligibleApplicants = [.. m.EligibleApplicants.Select(WireNames.Of)],
            SourceText = m.SourceText,
            Note = m.Note,
        };

    private static MeasureLimits ToLimits(this LimitsDefinition d) =>
        new(
            d.CapFen is { } cap ? new Money(cap) : null,
            d.FloorFen is { } floor ? new Money(floor) : null,
            d.PerPerson,
            WireNames.CapScopes[d.CapScope],
            d.CapSetByBureauRule,
            [.. d.Tiers.Select(t => new Tier(t.Code, t.NameZh, t.NameEn, new Money(t.FloorFen), t.CapFen is { } c ? new Money(c) : null))]);

    private static LimitsDefinition ToDefinition(this MeasureLimits l) =>
        new()
        {
            CapFen = l.Cap?.Fen,
            FloorFen = l.Floor?.Fen,
            PerPerson = l.PerPerson,
            CapScope = WireNames.Of(l.Scope),
            CapSetByBureauRule = l.CapSetByBureauRule,
            Tiers = [.. l.Tiers.Select(t => new TierDefinition
            {
                Code = t.Code,
                NameZh = t.NameZh,
                NameEn = t.NameEn,
                FloorFen = t.Floor.Fen,
                CapFen = t.Cap?.Fen,
            })],
        };
}
