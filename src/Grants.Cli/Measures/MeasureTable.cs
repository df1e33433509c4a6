using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Measures;

internal static class MeasureTable
{
    public static Table Of(IEnumerable<Measure> measures)
    {
        var table = new Table(
            new Column("MEASURE"), new Column("KIND"), new Column("CAP (YUAN)", Align.Right), new Column("FLOOR (YUAN)", Align.Right),
            new Column("SCOPE"), new Column("PAYS"), new Column("RESPONSIBLE"), new Column("TITLE"));
        foreach (var m in measures)
        {
            var limits = m.Limits;
            table.Add(
                m.MeasureId,
                Kind(m.Kind),
                limits is null ? Yuan.None : Cap(limits),
                limits?.HasFloorFen == true ? Yuan.Format(limits.FloorFen) : Yuan.None,
                limits is null ? Yuan.None : Scope(limits),
                m.PayingBureauCode.Length > 0 ? m.PayingBureauCode : Yuan.None,
                string.Join(",", m.ResponsibleBureauCodes),
                m.TitleZh);
        }
        return table;
    }

    private static string Cap(MeasureLimits limits) =>
        limits.HasEffectiveCapFen ? Yuan.Format(limits.EffectiveCapFen)
        : limits.CapSetByBureauRule ? "bureau rule"
        : Yuan.None;

    private static string Scope(MeasureLimits limits) =>
        (limits.CapScope, limits.PerPerson) switch
        {
            (CapScope.PerBeneficiaryOverPolicyPeriod, true) => "per person, cumulative",
            (CapScope.PerBeneficiaryOverPolicyPeriod, false) => "per beneficiary, cumulative",
            (_, true) => "per person",
            _ => "per award",
        };

    private static string Kind(MeasureKind kind) => kind switch
    {
        MeasureKind.Award => "award",
        MeasureKind.Subsidy => "subsidy",
        MeasureKind.NonMonetary => "non-monetary",
        _ => kind.ToString(),
    };
}
