using Grants.Domain.Applications;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Ledgers;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.Approving;

public sealed class ApproveAwardTests
{
    private static readonly Money Threshold = ApplicationContext.DefaultDualApprovalThreshold;

    [Fact]
    public void Given_an_assessed_application_When_a_responsible_approver_approves_Then_the_award_carries_its_ledger_keys()
    {
        var e = ApplicationScenario.Assessed(Art1, Money.FromWan(300)).When(Commands.Approve(Money.FromWan(300)))
            .ShouldEmit<AwardApproved>();

        Assert.Equal(new AwardApproved(Commands.App, Officials.Approver, null, Money.FromWan(300), Dates.Approved,
            new LedgerKeys(Ipo, 2025, Art1, TestApplicants.FintechCreditCode, null, false)), e);
    }

    [Fact]
    public void Given_a_per_person_cumulative_measure_When_approved_Then_the_ledger_keys_carry_the_cap_and_the_person_hash()
    {
        var e = ApplicationScenario.Assessed(Art18, Money.FromWan(40), TestApplicants.Person).When(Commands.Approve(Money.FromWan(40)))
            .ShouldEmit<AwardApproved>();

        Assert.Equal(new LedgerKeys(Ipo, 2025, Art18, TestApplicants.Person.BeneficiaryKey, Money.FromWan(100), true), e.Ledger);
        Assert.Equal(64, e.Ledger.BeneficiaryKey.Length);
    }

    [Fact]
    public void Given_a_measure_with_two_responsible_bureaus_When_the_approver_names_the_other_as_payer_Then_it_pays()
    {
        var e = ApplicationScenario.Assessed(Art3, Money.FromWan(50)).When(Commands.Approve(Money.FromWan(50), bureau: Stc, paying: Ipo))
            .ShouldEmit<AwardApproved>();

        Assert.Equal(Ipo, e.Ledger.PayingBureau);
    }

    [Fact]
    public void Given_an_approval_in_2026_When_approved_Then_the_fiscal_year_is_the_calendar_year_of_approval()
    {
        var e = ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Commands.Approve(Money.FromWan(1), on: Dates.D(2026, 1, 2)))
            .ShouldEmit<AwardApproved>();

        Assert.Equal(2026, e.Ledger.FiscalYear);
    }

    [Fact]
    public void Given_a_non_monetary_measure_When_approved_with_no_amount_Then_a_zero_award_is_approved_for_the_approving_bureau()
    {
        var e = ApplicationScenario.Assessed(Art5, Money.Zero).When(Commands.Approve(Money.Zero, bureau: Construction))
            .ShouldEmit<AwardApproved>();

        Assert.Equal(Money.Zero, e.Amount);
        Assert.Equal(Construction, e.Ledger.PayingBureau);
    }

    [Fact]
    public void Given_an_award_just_below_the_threshold_When_approved_Then_one_approver_suffices()
    {
        ApplicationScenario.Assessed(Art3, Threshold - new Money(1))
            .When(Commands.Approve(Threshold - new Money(1), bureau: Stc)).ShouldEmit<AwardApproved>();
    }

    [Fact]
    public void Given_an_award_at_the_threshold_When_the_first_approver_approves_Then_only_a_first_approval_is_recorded()
    {
        var e = ApplicationScenario.Assessed(Art3, Threshold).When(Commands.Approve(Threshold, bureau: Stc))
            .ShouldEmit<AwardFirstApprovalRecorded>();

        Assert.Equal(new AwardFirstApprovalRecorded(Commands.App, Officials.Approver, Stc, Threshold, Stc, Dates.Approved), e);
    }

    [Fact]
    public void Given_a_first_approval_When_a_second_different_approver_approves_the_same_Then_the_award_is_approved_by_both()
    {
        var scenario = ApplicationScenario.Assessed(Art3, Money.FromWan(1500)).Given(Commands.Approve(Money.FromWan(1500), bureau: Stc));

        var e = scenario.When(Commands.Approve(Money.FromWan(1500), Officials.SecondApprover, Ipo)).ShouldEmit<AwardApproved>();

        Assert.Equal(Officials.SecondApprover, e.Approver);
        Assert.Equal(Officials.Approver, e.FirstApprover);
        Assert.Equal(Stc, e.Ledger.PayingBureau);
    }

    [Fact]
    public void Given_a_first_approval_When_the_same_approver_approves_again_Then_a_different_second_approver_is_required()
    {
        var scenario = ApplicationScenario.Assessed(Art3, Money.FromWan(1500)).Given(Commands.Approve(Money.FromWan(1500), bureau: Stc));

        scenario.When(Commands.Approve(Money.FromWan(1500), bureau: Stc)).ShouldFail(ErrorCodes.SecondApproverMustDiffer);
    }

    [Fact]
    public void Given_a_first_approval_When_the_second_approver_approves_another_amount_Then_the_approvals_differ()
    {
        var scenario = ApplicationScenario.Assessed(Art3, Money.FromWan(1500)).Given(Commands.Approve(Money.FromWan(1500), bureau: Stc));

        scenario.When(Commands.Approve(Money.FromWan(1600), Officials.SecondApprover, Stc)).ShouldFail(ErrorCodes.SecondApprovalDiffers);
    }

    [Fact]
    public void Given_a_first_approval_When_the_second_approver_names_another_paying_bureau_Then_the_approvals_differ()
    {
        var scenario = ApplicationScenario.Assessed(Art3, Money.FromWan(1500)).Given(Commands.Approve(Money.FromWan(1500), bureau: Stc));

        scenario.When(Commands.Approve(Money.FromWan(1500), Officials.SecondApprover, Stc, paying: Ipo)).ShouldFail(ErrorCodes.SecondApprovalDiffers);
    }

    [Fact]
    public void Given_a_first_approval_When_the_first_approver_revises_the_amount_Then_a_new_first_approval_replaces_it()
    {
        var scenario = ApplicationScenario.Assessed(Art3, Money.FromWan(1500)).Given(Commands.Approve(Money.FromWan(1500), bureau: Stc));

        var e = scenario.When(Commands.Approve(Money.FromWan(1200), bureau: Stc)).ShouldEmit<AwardFirstApprovalRecorded>();

        Assert.Equal(Money.FromWan(1200), e.Amount);
    }

    [Fact]
    public void Given_a_configured_threshold_of_100_wan_When_approving_100_wan_Then_two_approvers_are_needed()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(100))
            .WithContext(c => c with { DualApprovalThreshold = Money.FromWan(100) })
            .When(Commands.Approve(Money.FromWan(100))).ShouldEmit<AwardFirstApprovalRecorded>();
    }

    [Fact]
    public void Given_an_assessed_application_When_its_assessor_approves_Then_separation_of_duties_refuses()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Commands.Approve(Money.FromWan(1), Officials.Assessor))
            .ShouldFail(ErrorCodes.ApproverIsAssessor);
    }

    [Fact]
    public void Given_a_first_approval_When_the_assessor_gives_the_second_Then_separation_of_duties_refuses()
    {
        ApplicationScenario.Assessed(Art3, Money.FromWan(1500)).Given(Commands.Approve(Money.FromWan(1500), bureau: Stc))
            .When(Commands.Approve(Money.FromWan(1500), Officials.Assessor, Stc)).ShouldFail(ErrorCodes.ApproverIsAssessor);
    }

    [Fact]
    public void Given_an_approver_of_a_bureau_not_responsible_for_the_measure_When_approving_Then_it_is_refused()
    {
        var error = ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Commands.Approve(Money.FromWan(1), bureau: Stc))
            .ShouldFail(ErrorCodes.BureauNotResponsible);

        Assert.Equal("HP-STC is not a responsible bureau of HP-2024-3 art.1 (HP-IPO)", error.Message);
    }

    [Fact]
    public void Given_a_paying_bureau_not_responsible_for_the_measure_When_approving_Then_it_is_refused()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Commands.Approve(Money.FromWan(1), paying: Finance))
            .ShouldFail(ErrorCodes.PayingBureauNotResponsible);
    }

    [Fact]
    public void Given_a_flagged_applicant_When_approving_Then_the_credit_flag_refuses()
    {
        var error = ApplicationScenario.Assessed(Art1, Money.FromWan(1))
            .WithContext(c => c with { Applicant = TestApplicants.Flagged(c.Applicant) })
            .When(Commands.Approve(Money.FromWan(1))).ShouldFail(ErrorCodes.ApplicantCreditFlagged);

        Assert.Equal("applicant AP-FT-1 is listed as 严重违法失信 (CR-2025-0001, since 2025-02-01)", error.Message);
    }

    [Fact]
    public void Given_file_000_ends_2027_12_31_When_approving_on_2028_01_01_Then_it_is_outside_the_validity_window()
    {
        var error = ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Commands.Approve(Money.FromWan(1), on: Dates.D(2028, 1, 1)))
            .ShouldFail(ErrorCodes.OutsideValidityWindow);

        Assert.Equal("HP-2024-3 (黄投促办规〔2024〕3号) is in force from 2025-01-01 to 2027-12-31; approved_on 2028-01-01 is outside it",
            error.Message);
    }

    [Fact]
    public void Given_file_000_ends_2027_12_31_When_approving_on_its_last_day_Then_it_is_approved()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Commands.Approve(Money.FromWan(1), on: Dates.D(2027, 12, 31)))
            .ShouldEmit<AwardApproved>();
    }

    [Fact]
    public void Given_an_assessed_application_When_the_approval_is_dated_before_the_assessment_Then_it_is_refused()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Commands.Approve(Money.FromWan(1), on: Dates.D(2025, 3, 9)))
            .ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }

    [Fact]
    public void Given_art18_capped_at_100_wan_per_person_When_approving_more_Then_the_per_person_cap_refuses()
    {
        var error = ApplicationScenario.Assessed(Art18, Money.FromWan(40), TestApplicants.Person)
            .When(Commands.Approve(Money.FromWan(100) + new Money(1))).ShouldFail(ErrorCodes.CapExceeded);

        Assert.Equal("HP-2024-3 art.18 per-person cap 1,000,000.00 yuan: already awarded 0.00, requested 1,000,000.01, " +
                     "headroom 1,000,000.00", error.Message);
        Assert.Equal(new LimitBreach("HP-2024-3 art.18 per-person cap", Money.FromWan(100), Money.Zero, Money.FromWan(100) + new Money(1),
            Money.FromWan(100)), error.Limit);
    }

    [Fact]
    public void Given_art19_municipal_floor_of_20_wan_When_approving_less_Then_the_tier_floor_refuses()
    {
        var error = ApplicationScenario.Assessed(Art19, Money.FromWan(20), TestApplicants.Person, "municipal")
            .When(Commands.Approve(Money.FromWan(20) - new Money(1), bureau: Talent)).ShouldFail(ErrorCodes.BelowFloor);

        Assert.Equal("HP-2024-3 art.19 municipal programme floor 200,000.00 yuan: requested 199,999.99, short by 0.01", error.Message);
    }

    [Fact]
    public void Given_a_bureau_rule_measure_with_no_cap_configured_When_approving_Then_the_cap_must_be_configured_first()
    {
        ApplicationScenario.Assessed(Art17, Money.FromYuan(3000), TestApplicants.Person)
            .When(Commands.Approve(Money.FromYuan(3000), bureau: Hrss)).ShouldFail(ErrorCodes.CapNotConfigured);
    }

    [Fact]
    public void Given_a_bureau_rule_cap_of_5000_yuan_configured_When_approving_within_it_Then_it_is_approved()
    {
        ApplicationScenario.Assessed(Art17, Money.FromYuan(3000), TestApplicants.Person)
            .WithContext(c => c with { Catalog = c.Catalog.WithConfiguredCap(Art17, Money.FromYuan(5000)) })
            .When(Commands.Approve(Money.FromYuan(3000), bureau: Hrss)).ShouldEmit<AwardApproved>();
    }

    [Fact]
    public void Given_a_bureau_rule_cap_of_5000_yuan_configured_When_approving_more_Then_the_configured_cap_refuses()
    {
        var error = ApplicationScenario.Assessed(Art17, Money.FromYuan(3000), TestApplicants.Person)
            .WithContext(c => c with { Catalog = c.Catalog.WithConfiguredCap(Art17, Money.FromYuan(5000)) })
            .When(Commands.Approve(Money.FromYuan(6000), bureau: Hrss)).ShouldFail(ErrorCodes.CapExceeded);

        Assert.Equal("HP-2024-3 art.17 per-person cap 5,000.00 yuan: already awarded 0.00, requested 6,000.00, headroom 5,000.00",
            error.Message);
    }

    [Fact]
    public void Given_a_non_monetary_measure_When_approving_an_amount_Then_the_amount_is_not_allowed()
    {
        ApplicationScenario.Assessed(Art5, Money.Zero).When(Commands.Approve(Money.FromYuan(1), bureau: Construction))
            .ShouldFail(ErrorCodes.AmountNotAllowed);
    }

    [Fact]
    public void Given_a_monetary_measure_When_approving_zero_Then_the_amount_must_be_positive()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Commands.Approve(Money.Zero)).ShouldFail(ErrorCodes.AmountNotPositive);
    }

    [Fact]
    public void Given_an_application_not_yet_assessed_When_approving_Then_the_status_refuses()
    {
        ApplicationScenario.For(TestApplicants.Fintech).Given(Commands.Submit(Art1, Money.FromWan(1)))
            .When(Commands.Approve(Money.FromWan(1))).ShouldFail(ErrorCodes.InvalidStatus);
    }

    [Fact]
    public void Given_an_approved_award_When_approving_again_Then_the_status_refuses()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(1)).When(Commands.Approve(Money.FromWan(1), Officials.SecondApprover))
            .ShouldFail(ErrorCodes.InvalidStatus);
    }

    [Fact]
    public void Given_an_assessed_application_When_the_approver_id_is_malformed_Then_it_is_refused()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Commands.Approve(Money.FromWan(1), new OfficialId("")))
            .ShouldFail(ErrorCodes.InvalidOfficialId);
    }
}
