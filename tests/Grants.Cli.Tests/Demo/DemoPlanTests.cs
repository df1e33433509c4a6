using Grants.Cli.Demo;
using Grants.Contracts.V1;

namespace Grants.Cli.Tests.Demo;

public sealed class DemoPlanTests
{
    private const int Applications = 60;

    /// <summary>A slice of HP-2024-3 as the catalog serves it (articles 1, 9, 12, 17 with a configured cap, 18).</summary>
    internal static readonly IReadOnlyList<DemoMeasure> Measures =
    [
        new("HP-2024-3/1", ["HP-IPO"], "HP-IPO", 2_000_000_000, 0, new HashSet<ApplicantKind> { ApplicantKind.FintechEnterprise }),
        new("HP-2024-3/9", ["HP-STC"], "HP-STC", 10_000_000_000, 0, new HashSet<ApplicantKind>
        {
            ApplicantKind.FinancialInstitution, ApplicantKind.FintechEnterprise,
            ApplicantKind.ProfessionalServiceOrganisation, ApplicantKind.CarrierOperator,
        }),
        new("HP-2024-3/12", ["HP-COM"], "HP-COM", 25_000_000, 0, new HashSet<ApplicantKind> { ApplicantKind.FintechEnterprise }),
        new("HP-2024-3/17", ["HP-HRSS", "HP-IPO"], "HP-HRSS", 1_000_000, 0, new HashSet<ApplicantKind> { ApplicantKind.Person }),
        new("HP-2024-3/18", ["HP-IPO", "HP-TAL"], "HP-IPO", 100_000_000, 0, new HashSet<ApplicantKind> { ApplicantKind.Person }),
    ];

    private static IReadOnlyList<DemoCase> Plan(int seed = 42) =>
        [.. Enumerable.Range(0, Applications).Select(i => DemoPlan.Case(seed, i, Measures))];

    [Fact]
    public void GivenSixtyApplications_WhenPlanned_ThenEveryLifecyclePathAppears() =>
        Assert.Equal(Enum.GetValues<DemoPath>().ToHashSet(), Plan().Select(c => c.Path).ToHashSet());

    [Fact]
    public void GivenTheSameSeed_WhenPlannedTwice_ThenTheSameCases()
    {
        var first = Plan();
        var second = Plan();

        Assert.Equal(first, second);
        Assert.NotEqual(first.Select(c => c.Enterprise.CreditCode), Plan(seed: 43).Select(c => c.Enterprise.CreditCode));
    }

    [Fact]
    public void GivenAPlan_WhenAmountsAreChecked_ThenEachIsWithinTheMeasuresFloorAndCap()
    {
        foreach (var c in Plan())
        {
            Assert.InRange(c.AmendedFen, Math.Max(1, c.Measure.FloorFen), c.AwardFen);
            Assert.InRange(c.AwardFen, c.AmendedFen, c.RequestedFen);
            Assert.InRange(c.RequestedFen, c.AwardFen, c.Measure.CapFen);
            Assert.Equal(0, c.AwardFen % 10_000);
        }
    }

    [Fact]
    public void GivenAPlan_WhenApplicantsAreChecked_ThenEachMeasureIsOpenToItsApplicantAndSomePersonsApply()
    {
        var plan = Plan();

        Assert.All(plan, c => Assert.Contains(c.ApplicantKind, c.Measure.EligibleKinds));
        Assert.Contains(plan, c => c.Person is not null);
        Assert.Equal(plan.Count, plan.Select(c => c.Enterprise.CreditCode).Distinct().Count());
        Assert.True(plan.Select(c => c.DecidingBureau).Distinct().Count() >= 3, "several bureaus decide");
    }

    [Fact]
    public void GivenPathsThatNeedTwoApprovers_WhenPlanned_ThenTheAwardReachesTheThreshold()
    {
        var large = Plan().Where(c => DemoPaths.NeedsLargeAward(c.Path)).ToList();

        Assert.NotEmpty(large);
        Assert.All(large, c => Assert.Equal(DemoPlan.LargeAwardFen, c.AwardFen));
        Assert.All(large, c => Assert.True(c.Measure.CapFen >= DemoPlan.LargeAwardFen));
    }

    [Fact]
    public void GivenAPlan_WhenOfficersAreChecked_ThenSeparationOfDutiesHolds()
    {
        foreach (var c in Plan())
        {
            Assert.Contains(c.DecidingBureau, c.Measure.ResponsibleBureaus);
            Assert.NotEqual(c.FirstApprover, c.SecondApprover);
            Assert.DoesNotContain(c.Assessor, new[] { c.FirstApprover, c.SecondApprover });
            Assert.DoesNotContain(c.FinanceOfficer, new[] { c.FirstApprover, c.SecondApprover });
            Assert.All(new[] { c.Assessor, c.FirstApprover, c.SecondApprover, c.FinanceOfficer },
                id => Assert.Matches("^[a-z0-9][a-z0-9._:@-]{0,63}$", id));
        }
    }

    [Fact]
    public void GivenACase_WhenItsRequestIdsAreMade_ThenUniquePrintableAndShortEnough()
    {
        var ids = new RequestIds(42);
        var all = Plan().SelectMany(c => c.Steps.Select((step, n) => ids.Step(c.Index, n + 1, step))
                .Append(ids.Application(c.Index, "submit")).Append(ids.Enterprise(c.Index)).Append(ids.Person(c.Index)))
            .ToList();

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all, id => Assert.Matches("^[\\x21-\\x7E]{1,128}$", id));
        Assert.Equal("demo-s42-app0017-03-Approve", ids.Step(17, 3, DemoStep.Approve));
    }

    [Theory]
    [InlineData(DemoPath.ClawbackRecovered)]
    [InlineData(DemoPath.ClawbackWrittenOff)]
    [InlineData(DemoPath.ClawbackOpen)]
    public void GivenAClawbackPath_WhenItsStepsAreListed_ThenTheClawbackFollowsAPayment(DemoPath path)
    {
        var steps = DemoPaths.Steps(path).ToList();

        Assert.True(steps.LastIndexOf(DemoStep.ConfirmLast) < steps.IndexOf(DemoStep.OrderClawback));
        Assert.Equal(DemoStep.ConfirmEligibility, steps[0]);
    }

    [Fact]
    public void GivenEveryPath_WhenStepsAreListed_ThenPaymentsComeOnlyAfterAnApproval()
    {
        foreach (var path in Enum.GetValues<DemoPath>())
        {
            var steps = DemoPaths.Steps(path).ToList();
            var approval = steps.FindIndex(s => s is DemoStep.Approve or DemoStep.SecondApproval);
            var payment = steps.FindIndex(s => s is DemoStep.InstructHalf or DemoStep.Hold or DemoStep.AmendDown);
            Assert.True(payment < 0 || (approval >= 0 && approval < payment), $"{path}: payment before approval");
        }
    }
}
