using Grants.Domain.Applications;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.RecoveringClawbacks;

/// <summary>A clawback on award A is withheld from a later tranche of award B to the same beneficiary.</summary>
public sealed class OffsetClawbackTests
{
    private static readonly ApplicationId Other = new("HP-2025-000002");
    private static readonly string OtherT1 = "HP-2025-000002-T1";

    private static readonly Domain.Applicants.ApplicantState AnotherFintech =
        TestApplicants.Enterprise(new ApplicantId("AP-FT-2"), "9144030071526726XG", Domain.Catalog.ApplicantKind.FintechEnterprise);

    private static ApplicationScenario ClawbackOwed() =>
        ApplicationScenario.Paid(Art1, Money.FromWan(300)).Given(Commands.OrderClawback(Money.FromWan(100)));

    /// <summary>Award B for the same fintech under art.3, with tranche 1 instructed on <paramref name="instructedOn"/>.</summary>
    private static ApplicationState OtherAward(Domain.Applicants.ApplicantState applicant, DateOnly instructedOn)
    {
        var b = ApplicationScenario.For(applicant)
            .Given(Commands.Submit(Art3, Money.FromWan(50), applicant.Id, id: Other))
            .Given(Commands.ConfirmEligibility() with { ApplicationId = Other })
            .Given(Commands.Assess(Money.FromWan(50)) with { ApplicationId = Other })
            .Given(Commands.Approve(Money.FromWan(50), bureau: Stc) with { ApplicationId = Other })
            .Given(Commands.Instruct(1, Money.FromWan(50), instructedOn) with { ApplicationId = Other });
        return b.State;
    }

    private static OffsetClawback Offset(Money amount, string reference = "HP-2025-000002-T1") =>
        new(Commands.App, new ClawbackId("C1"), amount, Other, reference, Dates.D(2025, 7, 1));

    [Fact]
    public void Given_a_later_tranche_to_the_same_beneficiary_When_offsetting_Then_an_offset_recovery_names_that_tranche()
    {
        var e = ClawbackOwed().WithContext(c => c with { OffsetAgainst = OtherAward(TestApplicants.Fintech, Dates.D(2025, 6, 15)) })
            .When(Offset(Money.FromWan(30))).ShouldEmit<ClawbackRecovered>();

        Assert.Equal((RecoveryKind.Offset, Money.FromWan(30), OtherT1, (ApplicationId?)Other), 
            (e.Kind, e.Amount, e.Reference, e.OffsetApplication));
    }

    [Fact]
    public void Given_30_wan_already_offset_against_a_50_wan_tranche_When_offsetting_30_more_Then_the_tranche_refuses()
    {
        var scenario = ClawbackOwed().WithContext(c => c with { OffsetAgainst = OtherAward(TestApplicants.Fintech, Dates.D(2025, 6, 15)) })
            .Given(Offset(Money.FromWan(30)));

        var error = scenario.When(Offset(Money.FromWan(30))).ShouldFail(ErrorCodes.OffsetExceedsDisbursement);

        Assert.Equal("tranche HP-2025-000002-T1 500,000.00 yuan: already offset 300,000.00, requested 300,000.00, headroom 200,000.00",
            error.Message);
    }

    [Fact]
    public void Given_a_tranche_to_another_beneficiary_When_offsetting_Then_it_is_refused()
    {
        ClawbackOwed().WithContext(c => c with { OffsetAgainst = OtherAward(AnotherFintech, Dates.D(2025, 6, 15)) })
            .When(Offset(Money.FromWan(30))).ShouldFail(ErrorCodes.OffsetOtherBeneficiary);
    }

    [Fact]
    public void Given_a_tranche_instructed_before_the_clawback_When_offsetting_Then_it_is_not_a_later_disbursement()
    {
        ClawbackOwed().WithContext(c => c with { OffsetAgainst = OtherAward(TestApplicants.Fintech, Dates.D(2025, 5, 1)) })
            .When(Offset(Money.FromWan(30))).ShouldFail(ErrorCodes.OffsetDisbursementNotLater);
    }

    [Fact]
    public void Given_no_other_application_in_the_context_When_offsetting_Then_the_disbursement_is_missing()
    {
        ClawbackOwed().When(Offset(Money.FromWan(30))).ShouldFail(ErrorCodes.OffsetDisbursementMissing);
    }

    [Fact]
    public void Given_an_unknown_tranche_reference_When_offsetting_Then_the_disbursement_is_missing()
    {
        ClawbackOwed().WithContext(c => c with { OffsetAgainst = OtherAward(TestApplicants.Fintech, Dates.D(2025, 6, 15)) })
            .When(Offset(Money.FromWan(30), "HP-2025-000002-T9")).ShouldFail(ErrorCodes.OffsetDisbursementMissing);
    }

    [Fact]
    public void Given_an_offset_beyond_the_outstanding_clawback_When_offsetting_Then_the_outstanding_refuses()
    {
        ClawbackOwed().WithContext(c => c with { OffsetAgainst = OtherAward(TestApplicants.Fintech, Dates.D(2025, 6, 15)) })
            .When(Offset(Money.FromWan(101))).ShouldFail(ErrorCodes.RecoveryExceedsOutstanding);
    }
}
