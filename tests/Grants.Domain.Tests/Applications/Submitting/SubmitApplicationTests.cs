using Grants.Domain.Applicants;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Catalog;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.Submitting;

public sealed class SubmitApplicationTests
{
    private static readonly ApplicationScenario Fintech = ApplicationScenario.For(TestApplicants.Fintech);

    [Fact]
    public void Given_a_registered_fintech_When_it_applies_under_art1_Then_the_submission_carries_its_beneficiary_key_and_amount()
    {
        var e = Fintech.When(Commands.Submit(Art1, Money.FromWan(500))).ShouldEmit<ApplicationSubmitted>();

        Assert.Equal(new ApplicationSubmitted(Commands.App, TestApplicants.FintechId, Art1, ApplicantKind.FintechEnterprise,
            TestApplicants.FintechCreditCode, Money.FromWan(500), null, Dates.Submitted), e);
    }

    [Fact]
    public void Given_a_non_monetary_measure_When_applying_without_an_amount_Then_it_is_submitted_with_zero()
    {
        var e = Fintech.When(Commands.Submit(Art5, null)).ShouldEmit<ApplicationSubmitted>();

        Assert.Equal(Money.Zero, e.RequestedAmount);
    }

    [Fact]
    public void Given_a_tiered_measure_When_a_person_applies_with_a_tier_Then_the_tier_is_recorded()
    {
        var e = ApplicationScenario.For(TestApplicants.Person)
            .When(Commands.Submit(Art19, Money.FromWan(20), TestApplicants.PersonId, "municipal"))
            .ShouldEmit<ApplicationSubmitted>();

        Assert.Equal("municipal", e.TierCode);
        Assert.Equal(TestApplicants.Person.BeneficiaryKey, e.BeneficiaryKey);
    }

    [Fact]
    public void Given_a_bureau_rule_measure_without_a_configured_cap_When_applying_Then_it_is_submitted()
    {
        ApplicationScenario.For(TestApplicants.Person)
            .When(Commands.Submit(Art17, Money.FromYuan(3000), TestApplicants.PersonId))
            .ShouldEmit<ApplicationSubmitted>();
    }

    [Theory]
    [InlineData("HP-2025-123")]
    [InlineData("hp-2025-000123")]
    [InlineData("")]
    public void Given_a_malformed_application_id_When_submitting_Then_it_is_refused(string id)
    {
        Fintech.When(Commands.Submit(Art1, Money.FromWan(1), id: new ApplicationId(id))).ShouldFail(ErrorCodes.InvalidApplicationId);
    }

    [Fact]
    public void Given_an_existing_application_When_submitting_the_same_id_Then_it_is_refused()
    {
        var scenario = ApplicationScenario.For(TestApplicants.Fintech).Given(Commands.Submit(Art1, Money.FromWan(1)));

        scenario.When(Commands.Submit(Art1, Money.FromWan(1))).ShouldFail(ErrorCodes.ApplicationExists);
    }

    [Fact]
    public void Given_an_unregistered_applicant_When_submitting_Then_it_is_refused()
    {
        ApplicationScenario.For(ApplicantState.Initial).When(Commands.Submit(Art1, Money.FromWan(1))).ShouldFail(ErrorCodes.ApplicantNotFound);
    }

    [Fact]
    public void Given_a_measure_not_in_the_catalog_When_submitting_Then_it_is_refused()
    {
        Fintech.When(Commands.Submit(MeasureId.Of(PolicyHp, "99"), Money.FromWan(1))).ShouldFail(ErrorCodes.UnknownMeasure);
    }

    [Fact]
    public void Given_a_person_When_applying_under_an_enterprise_measure_Then_the_applicant_is_not_eligible()
    {
        ApplicationScenario.For(TestApplicants.Person)
            .When(Commands.Submit(Art1, Money.FromWan(1), TestApplicants.PersonId))
            .ShouldFail(ErrorCodes.ApplicantNotEligible);
    }

    [Fact]
    public void Given_the_policy_not_yet_in_force_When_submitting_Then_it_is_outside_the_validity_window()
    {
        var error = Fintech.When(Commands.Submit(Art1, Money.FromWan(1), on: Dates.D(2024, 12, 31)))
            .ShouldFail(ErrorCodes.OutsideValidityWindow);

        Assert.Equal("HP-2024-3 (黄投促办规〔2024〕3号) is in force from 2025-01-01 to 2027-12-31; submitted_on 2024-12-31 is outside it",
            error.Message);
    }

    [Fact]
    public void Given_a_non_monetary_measure_When_applying_for_money_Then_the_amount_is_not_allowed()
    {
        Fintech.When(Commands.Submit(Art5, Money.FromYuan(1))).ShouldFail(ErrorCodes.AmountNotAllowed);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-100L)]
    public void Given_a_monetary_measure_When_applying_for_nothing_or_less_Then_the_amount_must_be_positive(long fen)
    {
        Fintech.When(Commands.Submit(Art1, new Money(fen))).ShouldFail(ErrorCodes.AmountNotPositive);
    }

    [Fact]
    public void Given_a_monetary_measure_When_applying_without_an_amount_Then_the_amount_must_be_positive()
    {
        Fintech.When(Commands.Submit(Art1, null)).ShouldFail(ErrorCodes.AmountNotPositive);
    }

    [Fact]
    public void Given_art1_capped_at_2000_wan_When_applying_for_one_fen_more_Then_the_cap_refuses_with_its_headroom()
    {
        var error = Fintech.When(Commands.Submit(Art1, Money.FromWan(2000) + new Money(1))).ShouldFail(ErrorCodes.CapExceeded);

        Assert.Equal("HP-2024-3 art.1 per-award cap 20,000,000.00 yuan: already awarded 0.00, requested 20,000,000.01, " +
                     "headroom 20,000,000.00", error.Message);
        Assert.Equal(Money.FromWan(2000), error.Limit!.Limit);
    }

    [Fact]
    public void Given_a_tiered_measure_When_applying_without_a_tier_Then_a_tier_is_required()
    {
        ApplicationScenario.For(TestApplicants.Person)
            .When(Commands.Submit(Art19, Money.FromWan(20), TestApplicants.PersonId))
            .ShouldFail(ErrorCodes.TierRequired);
    }

    [Theory]
    [InlineData("provincial", "HP-2024-3/19")]
    [InlineData("municipal", "HP-2024-3/18")]
    public void Given_a_tier_the_measure_does_not_have_When_applying_Then_the_tier_is_unknown(string tier, string measure)
    {
        ApplicationScenario.For(TestApplicants.Person)
            .When(Commands.Submit(new MeasureId(measure), Money.FromWan(20), TestApplicants.PersonId, tier))
            .ShouldFail(ErrorCodes.UnknownTier);
    }

    [Fact]
    public void Given_the_district_tier_floor_of_10_wan_When_applying_for_a_fen_less_Then_the_floor_refuses()
    {
        var error = ApplicationScenario.For(TestApplicants.Person)
            .When(Commands.Submit(Art19, Money.FromWan(10) - new Money(1), TestApplicants.PersonId, "district"))
            .ShouldFail(ErrorCodes.BelowFloor);

        Assert.Equal("HP-2024-3 art.19 district programme floor 100,000.00 yuan: requested 99,999.99, short by 0.01", error.Message);
    }
}
