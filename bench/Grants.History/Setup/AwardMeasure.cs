using Grants.Domain;
using Grants.Domain.Catalog;

namespace Grants.History.Setup;

/// <summary>A measure the history awards under: monetary, a fixed per-award cap, no tiers, a default paying bureau,
/// open to at least one kind of enterprise. Its window is the policy's, within 2025-2027 (the benchmark's years).</summary>
public sealed record AwardMeasure(
    Measure Measure,
    Policy Policy,
    BureauCode PayingBureau,
    Money Floor,
    Money Cap,
    IReadOnlyList<ApplicantKind> EnterpriseKinds,
    DateOnly OpensOn,
    DateOnly ClosesOn)
{
    private static readonly DateOnly FirstDay = new(2025, 1, 1);
    private static readonly DateOnly LastDay = new(2027, 12, 31);

    /// <summary>Smallest award the history makes where the measure sets no floor: 5万 yuan.</summary>
    private static readonly Money SmallestAward = new(5_000_000);

    public MeasureId Id => Measure.Id;

    /// <summary>Application numbers carry the jurisdiction of the measure's policy, as the server's do ("SH-HP" → "HP").</summary>
    public string NumberPrefix => Policy.Jurisdiction.Value[(Policy.Jurisdiction.Value.LastIndexOf('-') + 1)..];

    public IEnumerable<int> FiscalYears => Enumerable.Range(OpensOn.Year, ClosesOn.Year - OpensOn.Year + 1);

    /// <summary>Cumulative per-beneficiary caps are left out: the history would have to track every beneficiary's total
    /// across writers, and no measure open to enterprises has one.</summary>
    public static IReadOnlyList<AwardMeasure> From(PolicyCatalog catalog) =>
    [
        .. from policy in catalog.Policies
           from measure in policy.Measures
           let kinds = measure.EligibleApplicants.Where(k => k != ApplicantKind.Person).ToList()
           let opens = policy.InForceFrom > FirstDay ? policy.InForceFrom : FirstDay
           let closes = policy.InForceTo < LastDay ? policy.InForceTo : LastDay
           where measure.IsMonetary && measure.Limits is { Cap: not null, Tiers.Count: 0, Scope: CapScope.PerAward }
                 && measure.PayingBureau is not null && measure.ResponsibleBureaus.Contains(measure.PayingBureau)
                 && kinds.Count > 0 && opens <= closes
           let floor = measure.Limits.Floor ?? Money.Zero
           let cap = measure.Limits.Cap!.Value
           select new AwardMeasure(measure, policy, measure.PayingBureau!, floor > SmallestAward ? floor : Money.Min(SmallestAward, cap), cap,
               kinds, opens, closes),
    ];
}
