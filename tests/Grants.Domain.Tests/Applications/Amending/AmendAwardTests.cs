using Grants.Domain.Applications;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Ledgers;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.Amending;

public sealed class AmendAwardTests
{
    [Fact]
    public void Given_an_approved_award_When_amended_down_Then_original_previous_and_new_amounts_and_a_negative_delta_are_recorded()
    {
        var scenario = ApplicationScenario.Approved(Art1, Money.FromWan(300));

        var e = scenario.When(Commands.Amend(Money.FromWan(200), Officials.SecondApprover)).ShouldEmit<AwardAmended>();

        Assert.Equal(new AwardAmended(Commands.App, Officials.SecondApprover, null, Money.FromWan(300), Money.FromWan(300),
            Money.FromWan(200), -Money.FromWan(100), "scope changed", Dates.Later,
            new LedgerKeys(Ipo, 2025, Art1, TestApplicants.FintechCreditCode, null, false)), e);
        var after = ApplicationDecider.Evolve(scenario.State, e).Award!;
        Assert.Equal((Money.FromWan(300), Money.FromWan(200)), (after.OriginalAmount, after.CurrentAmount));
    }

    [Fact]
    public void Given_an_amended_award_When_amended_again_Then_the_original_amount_is_kept()
    {
        var e = ApplicationScenario.Approved(Art1, Money.FromWan(300)).Given(Commands.Amend(Money.FromWan(200)))
            .When(Commands.Amend(Money.FromWan(250))).ShouldEmit<AwardAmended>();

        Assert.Equal((Money.FromWan(300), Money.FromWan(200), Money.FromWan(50)), (e.OriginalAmount, e.PreviousAmount, e.Delta));
    }

    [Fact]
    public void Given_a_partly_paid_award_When_amended_down_to_exactly_what_is_disbursed_Then_it_is_amended()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).Given(Commands.Instruct(1, Money.FromWan(100)))
            .When(Commands.Amend(Money.FromWan(100))).ShouldEmit<AwardAmended>();
    }

    [Fact]
    public void Given_a_partly_disbursed_award_When_amended_below_what_is_instructed_Then_it_is_refused_with_the_disbursed_floor()
    {
        var error = ApplicationScenario.Approved(Art1, Money.FromWan(300))
            .Given(Commands.Instruct(1, Money.FromWan(100))).Given(Commands.ConfirmPayment(1))
            .Given(Commands.Instruct(2, Money.FromWan(50), Dates.Paid))
            .When(Commands.Amend(Money.FromWan(140))).ShouldFail(ErrorCodes.AmendmentBelowDisbursed);

        Assert.Equal("HP-2025-000001 disbursed so far 1,500,000.00 yuan: requested 1,400,000.00, short by 100,000.00", error.Message);
    }

    [Fact]
    public void Given_an_approved_award_When_amended_up_beyond_the_cap_Then_the_cap_refuses()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).When(Commands.Amend(Money.FromWan(2001))).ShouldFail(ErrorCodes.CapExceeded);
    }

    [Fact]
    public void Given_an_approved_award_When_amended_to_the_same_amount_Then_there_is_no_change()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).When(Commands.Amend(Money.FromWan(300))).ShouldFail(ErrorCodes.NoChange);
    }

    [Fact]
    public void Given_an_approved_award_When_amended_to_zero_Then_the_amount_must_be_positive()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).When(Commands.Amend(Money.Zero)).ShouldFail(ErrorCodes.AmountNotPositive);
    }

    [Fact]
    public void Given_a_non_monetary_award_When_amending_Then_no_amount_is_allowed()
    {
        ApplicationScenario.Approved(Art5, Money.Zero, bureau: Construction)
            .When(Commands.Amend(Money.FromYuan(1), bureau: Construction)).ShouldFail(ErrorCodes.AmountNotAllowed);
    }

    [Fact]
    public void Given_an_award_below_the_threshold_When_raised_to_it_Then_only_a_first_approval_is_recorded()
    {
        var e = ApplicationScenario.Approved(Art3, Money.FromWan(500), bureau: Stc)
            .When(Commands.Amend(Money.FromWan(1000), bureau: Stc)).ShouldEmit<AwardAmendmentFirstApprovalRecorded>();

        Assert.Equal(Money.FromWan(1000), e.NewAmount);
    }

    [Fact]
    public void Given_a_first_approval_of_a_raise_When_a_second_approver_approves_it_Then_the_award_is_amended_by_both()
    {
        var e = ApplicationScenario.Approved(Art3, Money.FromWan(500), bureau: Stc)
            .Given(Commands.Amend(Money.FromWan(1000), bureau: Stc))
            .When(Commands.Amend(Money.FromWan(1000), Officials.SecondApprover, Ipo)).ShouldEmit<AwardAmended>();

        Assert.Equal((Officials.SecondApprover, Officials.Approver), (e.Approver, e.FirstApprover));
    }

    [Fact]
    public void Given_a_first_approval_of_a_raise_When_the_same_approver_approves_it_again_Then_a_second_approver_is_required()
    {
        ApplicationScenario.Approved(Art3, Money.FromWan(500), bureau: Stc)
            .Given(Commands.Amend(Money.FromWan(1000), bureau: Stc))
            .When(Commands.Amend(Money.FromWan(1000), bureau: Stc)).ShouldFail(ErrorCodes.SecondApproverMustDiffer);
    }

    [Fact]
    public void Given_a_first_approval_of_a_raise_When_the_second_approver_approves_another_amount_Then_the_approvals_differ()
    {
        ApplicationScenario.Approved(Art3, Money.FromWan(500), bureau: Stc)
            .Given(Commands.Amend(Money.FromWan(1000), bureau: Stc))
            .When(Commands.Amend(Money.FromWan(1100), Officials.SecondApprover, Stc)).ShouldFail(ErrorCodes.SecondApprovalDiffers);
    }

    [Fact]
    public void Given_a_large_award_When_cut_but_still_above_the_threshold_Then_one_approver_suffices()
    {
        ApplicationScenario.Assessed(Art3, Money.FromWan(1500))
            .Given(Commands.Approve(Money.FromWan(1500), bureau: Stc))
            .Given(Commands.Approve(Money.FromWan(1500), Officials.SecondApprover, Stc))
            .When(Commands.Amend(Money.FromWan(1200), bureau: Stc)).ShouldEmit<AwardAmended>();
    }

    [Fact]
    public void Given_a_flagged_applicant_When_the_award_is_raised_Then_the_credit_flag_refuses()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300))
            .WithContext(c => c with { Applicant = TestApplicants.Flagged(c.Applicant) })
            .When(Commands.Amend(Money.FromWan(400))).ShouldFail(ErrorCodes.ApplicantCreditFlagged);
    }

    [Fact]
    public void Given_a_flagged_applicant_When_the_award_is_cut_Then_it_is_amended()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300))
            .WithContext(c => c with { Applicant = TestApplicants.Flagged(c.Applicant) })
            .When(Commands.Amend(Money.FromWan(100))).ShouldEmit<AwardAmended>();
    }

    [Fact]
    public void Given_an_approved_award_When_its_assessor_amends_it_Then_separation_of_duties_refuses()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).When(Commands.Amend(Money.FromWan(100), Officials.Assessor))
            .ShouldFail(ErrorCodes.ApproverIsAssessor);
    }

    [Fact]
    public void Given_an_approved_award_When_an_official_of_another_bureau_amends_it_Then_it_is_refused()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).When(Commands.Amend(Money.FromWan(100), bureau: Finance))
            .ShouldFail(ErrorCodes.BureauNotResponsible);
    }

    [Fact]
    public void Given_an_approved_award_When_amended_after_the_policy_ends_Then_it_is_outside_the_validity_window()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).When(Commands.Amend(Money.FromWan(100), on: Dates.D(2028, 1, 1)))
            .ShouldFail(ErrorCodes.OutsideValidityWindow);
    }

    [Fact]
    public void Given_an_approved_award_When_the_amendment_is_dated_before_the_approval_Then_it_is_refused()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).When(Commands.Amend(Money.FromWan(100), on: Dates.D(2025, 3, 31)))
            .ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }

    [Fact]
    public void Given_an_application_not_approved_When_amending_Then_the_status_refuses()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(300)).When(Commands.Amend(Money.FromWan(100))).ShouldFail(ErrorCodes.InvalidStatus);
    }

    [Fact]
    public void Given_a_bureau_rule_cap_raised_after_approval_When_amending_Then_the_ledger_keys_carry_the_new_cap()
    {
        var configured = TestCatalog.Current with
        {
            Policies = [TestCatalog.Current.Policies[0] with
            {
                Measures = [.. TestCatalog.Current.Policies[0].Measures.Select(m => m.Id == Art17
                    ? m with { Limits = m.Limits with { Scope = Domain.Catalog.CapScope.PerBeneficiaryOverPolicyPeriod } }
                    : m)],
            }],
        };
        var scenario = ApplicationScenario.For(TestApplicants.Person, configured.WithConfiguredCap(Art17, Money.FromYuan(5000)))
            .Given(Commands.Submit(Art17, Money.FromYuan(3000), TestApplicants.PersonId))
            .Given(Commands.ConfirmEligibility()).Given(Commands.Assess(Money.FromYuan(3000)))
            .Given(Commands.Approve(Money.FromYuan(3000), bureau: Hrss))
            .WithContext(c => c with { Catalog = c.Catalog.WithConfiguredCap(Art17, Money.FromYuan(8000)) });

        var e = scenario.When(Commands.Amend(Money.FromYuan(6000), bureau: Hrss)).ShouldEmit<AwardAmended>();

        Assert.Equal(Money.FromYuan(8000), e.Ledger.CumulativeCap);
    }

    [Fact]
    public void Given_a_clawback_ordered_by_an_official_When_that_official_approves_an_amendment_Then_separation_of_duties_refuses()
    {
        ApplicationScenario.Paid(Art1, Money.FromWan(300)).Given(Commands.OrderClawback(Money.FromWan(100), by: Officials.SecondApprover))
            .When(Commands.Amend(Money.FromWan(400), Officials.SecondApprover)).ShouldFail(ErrorCodes.ClawbackByApprover);
    }
}
