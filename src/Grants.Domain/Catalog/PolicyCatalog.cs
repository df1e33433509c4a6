namespace Grants.Domain.Catalog;

/// <summary>The whole catalog in memory: jurisdictions, bureaus, policies and their measures, plus the caps bureaus
/// have configured for measures whose cap is "set by bureau rule". Immutable; a change makes a new catalog.</summary>
public sealed record PolicyCatalog(
    IReadOnlyList<Jurisdiction> Jurisdictions,
    IReadOnlyList<Bureau> Bureaus,
    IReadOnlyList<Policy> Policies,
    IReadOnlyDictionary<MeasureId, Money> ConfiguredCaps)
{
    private static readonly IReadOnlyDictionary<MeasureId, IReadOnlyList<CapConfiguration>> NoConfigurations =
        new Dictionary<MeasureId, IReadOnlyList<CapConfiguration>>();

    public static readonly PolicyCatalog Empty = new([], [], [], new Dictionary<MeasureId, Money>());

    /// <summary>Every cap configuration per measure, ordered by effective date (ties: the later configuration last).
    /// <see cref="ConfiguredCaps"/> holds the last of each list.</summary>
    public IReadOnlyDictionary<MeasureId, IReadOnlyList<CapConfiguration>> CapConfigurations { get; init; } = NoConfigurations;

    public IEnumerable<Measure> Measures => Policies.SelectMany(p => p.Measures);

    public Policy? FindPolicy(PolicyId id) => Policies.FirstOrDefault(p => p.Id == id);

    public Measure? FindMeasure(MeasureId id) => Measures.FirstOrDefault(m => m.Id == id);

    public Bureau? FindBureau(BureauCode code) => Bureaus.FirstOrDefault(b => b.Code == code);

    public Jurisdiction? FindJurisdiction(JurisdictionCode code) => Jurisdictions.FirstOrDefault(j => j.Code == code);

    /// <summary>The cap in force for a measure: its fixed cap, else the latest cap a bureau configured, else none yet.
    /// Prefer <see cref="EffectiveCap(Measure, DateOnly)"/> when deciding on a dated act: a configuration may start later.</summary>
    public Money? EffectiveCap(Measure measure) =>
        measure.Limits.Cap ?? (ConfiguredCaps.TryGetValue(measure.Id, out var cap) ? cap : null);

    /// <summary>The cap in force for a measure on a date: its fixed cap, else the configuration whose effective date is
    /// the latest on or before <paramref name="on"/>, else none (the bureau's rule did not apply yet).</summary>
    public Money? EffectiveCap(Measure measure, DateOnly on)
    {
        if (measure.Limits.Cap is { } fixedCap)
        {
            return fixedCap;
        }

        if (!CapConfigurations.TryGetValue(measure.Id, out var history))
        {
            return ConfiguredCaps.TryGetValue(measure.Id, out var undated) ? undated : null;
        }

        return history.LastOrDefault(c => c.EffectiveFrom <= on)?.Cap;
    }

    /// <summary>Sets a cap with no date or provenance: for tests and tools. Configured caps from events go through
    /// <see cref="WithConfiguredCap(CapConfiguration)"/>.</summary>
    public PolicyCatalog WithConfiguredCap(MeasureId measure, Money cap)
    {
        var caps = new Dictionary<MeasureId, Money>(ConfiguredCaps) { [measure] = cap };
        return this with { ConfiguredCaps = caps };
    }

    public PolicyCatalog WithConfiguredCap(CapConfiguration configuration)
    {
        var earlier = CapConfigurations.TryGetValue(configuration.Measure, out var list) ? list : [];
        // OrderBy is stable, so a reconfiguration for the same date lands after (and supersedes) the earlier one.
        IReadOnlyList<CapConfiguration> history = [.. earlier.Append(configuration).OrderBy(c => c.EffectiveFrom)];

        var configurations = new Dictionary<MeasureId, IReadOnlyList<CapConfiguration>>(CapConfigurations)
        {
            [configuration.Measure] = history,
        };
        var caps = new Dictionary<MeasureId, Money>(ConfiguredCaps) { [configuration.Measure] = history[^1].Cap };
        return this with { ConfiguredCaps = caps, CapConfigurations = configurations };
    }

    public PolicyCatalog WithJurisdiction(Jurisdiction jurisdiction) =>
        this with { Jurisdictions = Replace(Jurisdictions, jurisdiction, j => j.Code == jurisdiction.Code) };

    public PolicyCatalog WithBureau(Bureau bureau) =>
        this with { Bureaus = Replace(Bureaus, bureau, b => b.Code == bureau.Code) };

    /// <summary>Registers or replaces a policy definition. Configured caps stay: they belong to the measure id.</summary>
    public PolicyCatalog WithPolicy(Policy policy) =>
        this with { Policies = Replace(Policies, policy, p => p.Id == policy.Id) };

    // Replacing in place keeps registration order, so listings stay stable across revisions.
    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, T item, Func<T, bool> same)
    {
        var index = items.ToList().FindIndex(x => same(x));
        return index < 0 ? [.. items, item] : [.. items.Take(index), item, .. items.Skip(index + 1)];
    }
}
