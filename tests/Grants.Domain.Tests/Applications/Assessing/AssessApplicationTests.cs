using Grants.Domain.Applications.Assessing;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.Assessing;

public sealed class AssessApplicationTests
{
    private static ApplicationScenario Eligible(Domain.Catalog.MeasureId? measure = null, Money? amount = null) =>
        ApplicationScenario.For(TestApplicants.Fintech)
            .Given(Commands.Submit(measure ?? Art1, amount ?? Money.FromWan(100)))
            .Given(Commands.ConfirmEligibility());

    [Fact]
    public void Given_an_eligible_application_When_assessed_without_conflict_Then_the_assessment_is_recorded()
    {
        var e = Eligible().When(Commands.Assess(Money.FromWan(80), score: 85)).ShouldEmit<ApplicationAssessed>();

        Assert.Equal(new ApplicationAssessed(Commands.App, Officials.Assessor, 85, Money.FromWan(80),
            new ConflictOfInterestDeclaration(false, null), Dates.Assessed), e);
    }

    [Fact]
    public void Given_an_assessor_with_a_declared_conflict_When_assessing_Then_they_cannot_assess()
    {
        var error = Eligible().When(Commands.Assess(Money.FromWan(80), conflict: true)).ShouldFail(ErrorCodes.AssessorConflictOfInterest);

        Assert.Equal("declaration", error.Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Given_an_eligible_application_When_the_score_is_outside_0_to_100_Then_it_is_refused(int score)
    {
        Eligible().When(Commands.Assess(Money.FromWan(80), score: score)).ShouldFail(ErrorCodes.InvalidScore);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Given_an_eligible_application_When_the_score_is_at_a_bound_Then_it_is_accepted(int score)
    {
        Eligible().When(Commands.Assess(Money.FromWan(80), score: score)).ShouldEmit<ApplicationAssessed>();
    }

    [Fact]
    public void Given_a_submitted_application_When_assessed_before_eligibility_Then_the_status_refuses()
    {
        ApplicationScenario.For(TestApplicants.Fintech).Given(Commands.Submit(Art1, Money.FromWan(1)))
            .When(Commands.Assess(Money.FromWan(1))).ShouldFail(ErrorCodes.InvalidStatus);
    }

    [Fact]
    public void Given_an_eligible_application_When_the_recommendation_exceeds_the_cap_Then_the_cap_refuses()
    {
        var error = Eligible().When(Commands.Assess(Money.FromWan(2001))).ShouldFail(ErrorCodes.CapExceeded);

        Assert.Equal("HP-2024-3 art.1 per-award cap 20,000,000.00 yuan: already awarded 0.00, requested 20,010,000.00, " +
                     "headroom 20,000,000.00", error.Message);
    }

    [Fact]
    public void Given_a_non_monetary_measure_When_recommending_money_Then_the_amount_is_not_allowed()
    {
        Eligible(Art5, Money.Zero).When(Commands.Assess(Money.FromYuan(1))).ShouldFail(ErrorCodes.AmountNotAllowed);
    }

    [Fact]
    public void Given_an_eligible_application_When_the_assessor_id_is_malformed_Then_it_is_refused()
    {
        Eligible().When(Commands.Assess(Money.FromWan(1), assessor: new OfficialId("no spaces allowed")))
            .ShouldFail(ErrorCodes.InvalidOfficialId);
    }

    [Fact]
    public void Given_an_eligible_application_When_assessed_before_the_confirmation_Then_it_is_refused()
    {
        Eligible().When(Commands.Assess(Money.FromWan(1), on: Dates.D(2025, 3, 4))).ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }
}
