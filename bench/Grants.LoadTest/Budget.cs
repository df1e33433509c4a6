using Grants.Cli.Demo;
using Grants.Contracts.V1;

namespace Grants.LoadTest;

/// <summary>One budget ledger the benchmark approves against: a monetary measure, its paying bureau, an applicant
/// kind it accepts, the officers who decide under it, and an award size inside its floor and cap.</summary>
public sealed record Budget(DemoMeasure Measure, ApplicantKind Kind, string DecidingBureau, long AwardFen)
{
    /// <summary>100,000 yuan: far below the two-approver threshold, so one approval settles an award.</summary>
    private const long TypicalAwardFen = 10_000_000;

    public Officer Assessor => new() { Id = Officers.Assessor(DecidingBureau, 0), BureauCode = DecidingBureau };
    public Officer Approver => new() { Id = Officers.Approver(DecidingBureau, 0).First, BureauCode = DecidingBureau };
    public Officer Finance => new() { Id = Officers.Finance(Measure.PayingBureau, 0), BureauCode = Measure.PayingBureau };

    /// <summary>Up to <paramref name="wanted"/> budgets from the live catalog: measures open to an enterprise
    /// applicant (persons need a nominating employer, which the benchmark does not model).</summary>
    public static async Task<IReadOnlyList<Budget>> FromCatalog(Callers callers, int wanted)
    {
        var measures = (await callers.Admin.ListMeasuresAsync(new ListMeasuresRequest())).Measures;
        return
        [
            .. DemoMeasure.Usable(measures)
                .Select(m => (Measure: m, Kind: m.EligibleKinds.Where(k => k != ApplicantKind.Person).Order().FirstOrDefault()))
                .Where(x => x.Kind != ApplicantKind.Unspecified)
                .Select(x => new Budget(x.Measure, x.Kind, x.Measure.ResponsibleBureaus[0],
                    Math.Clamp(TypicalAwardFen, x.Measure.FloorFen, x.Measure.CapFen) / 10_000 * 10_000))
                .Where(b => b.AwardFen >= b.Measure.FloorFen && b.AwardFen > 0)
                .Take(wanted),
        ];
    }
}
