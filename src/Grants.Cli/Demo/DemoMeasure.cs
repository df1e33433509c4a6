using Grants.Contracts.V1;

namespace Grants.Cli.Demo;

/// <summary>A monetary measure the demo can award under: a cap in force, no tiers, a paying bureau.</summary>
public sealed record DemoMeasure(
    string Id,
    IReadOnlyList<string> ResponsibleBureaus,
    string PayingBureau,
    long CapFen,
    long FloorFen,
    IReadOnlySet<ApplicantKind> EligibleKinds)
{
    public static IReadOnlyList<DemoMeasure> Usable(IEnumerable<Measure> measures) =>
    [
        .. measures
            .Where(m => m.Kind != MeasureKind.NonMonetary && m.Limits is { HasEffectiveCapFen: true, Tiers.Count: 0 }
                        && m.PayingBureauCode.Length > 0 && m.ResponsibleBureauCodes.Count > 0)
            .Select(m => new DemoMeasure(m.MeasureId, [.. m.ResponsibleBureauCodes], m.PayingBureauCode,
                m.Limits.EffectiveCapFen, m.Limits.HasFloorFen ? m.Limits.FloorFen : 0, m.EligibleApplicantKinds.ToHashSet())),
    ];

    /// <summary>Measures whose cap a bureau rule sets and no bureau has configured yet: the demo configures one.</summary>
    public static IReadOnlyList<Measure> AwaitingBureauCap(IEnumerable<Measure> measures) =>
    [
        .. measures.Where(m => m.Kind != MeasureKind.NonMonetary && m.Limits is { CapSetByBureauRule: true, HasEffectiveCapFen: false }
                               && m.ResponsibleBureauCodes.Count > 0 && m.Limits.Tiers.Count == 0),
    ];
}
