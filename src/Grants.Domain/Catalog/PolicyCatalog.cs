namespace Grants.Domain.Catalog;

/// <summary>The whole catalog in memory: jurisdictions, bureaus, policies and their measures, plus the caps bureaus
/// have configured for measures whose cap is "set by bureau rule". Immutable; a change makes a new catalog.</summary>
public sealed record PolicyCatalog(
    IReadOnlyList<Jurisdiction> Jurisdictions,
    IReadOnlyList<Bureau> Bureaus,
    IReadOnlyList<Policy> Policies,
    IReadOnlyDictionary<MeasureId, Money> ConfiguredCaps)
{
    public static readonly PolicyCatalog Empty = new([], [], [], new Dictionary<MeasureId, Money>());

    public IEnumerable<Measure> Measures => Policies.SelectMany(p => p.Measures);

    public Policy? FindPolicy(PolicyId id) => Policies.FirstOrDefault(p => p.Id == id);

    public Measure? FindMeasure(MeasureId id) => Measures.FirstOrDefault(m => m.Id == id);

    public Bureau? FindBureau(BureauCode code) => Bureaus.FirstOrDefault(b => b.Code == code);

    /// <summary>The cap in force for a measure: its fixed cap, else the cap a bureau configured, else none yet.</summary>
    public Money? EffectiveCap(Measure measure) =>
        measure.Limits.Cap ?? (ConfiguredCaps.TryGetValue(measure.Id, out var cap) ? cap : null);

    public PolicyCatalog WithConfiguredCap(MeasureId measure, Money cap)
    {
        var caps = new Dictionary<MeasureId, Money>(ConfiguredCaps) { [measure] = cap };
        return this with { ConfiguredCaps = caps };
    }
}
