using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Ledgers;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.InstructingTranches;

public sealed class InstructTrancheTests
{
    private static ApplicationScenario Approved300() => ApplicationScenario.Approved(Art1, Money.FromWan(300));

    [Fact]
    public void Given_an_approved_award_When_the_first_tranche_is_instructed_Then_it_gets_a_unique_reference_and_the_ledger_keys()
    {
        var e = Approved300().When(Commands.Instruct(1, Money.FromWan(100))).ShouldEmit<TrancheInstructed>();

        Assert.Equal(new TrancheInstructed(Commands.App, 1, "HP-2025-000001-T1", Money.FromWan(100), "上海某金融科技有限公司",
            "6222 0210 0112 3456 789", Dates.Instructed, new LedgerKeys(Ipo, 2025, Art1, TestApplicants.FintechCreditCode, null, false)), e);
    }

    [Fact]
    public void Given_a_returned_first_tranche_When_the_second_is_instructed_Then_its_reference_is_T2()
    {
        var e = Approved300().Given(Commands.Instruct(1, Money.FromWan(300))).Given(Commands.ConfirmPayment(1)).Given(Commands.Return(1))
            .When(Commands.Instruct(2, Money.FromWan(300), Dates.Later)).ShouldEmit<TrancheInstructed>();

        Assert.Equal("HP-2025-000001-T2", e.Reference);
    }

    [Fact]
    public void Given_a_partly_disbursed_award_When_the_rest_is_instructed_Then_it_fits_exactly()
    {
        Approved300().Given(Commands.Instruct(1, Money.FromWan(100)))
            .When(Commands.Instruct(2, Money.FromWan(200))).ShouldEmit<TrancheInstructed>();
    }

    [Fact]
    public void Given_200_wan_instructed_of_300_When_instructing_150_more_Then_the_award_refuses_with_its_headroom()
    {
        var error = Approved300().Given(Commands.Instruct(1, Money.FromWan(200)))
            .When(Commands.Instruct(2, Money.FromWan(150))).ShouldFail(ErrorCodes.ExceedsAward);

        Assert.Equal("HP-2025-000001 award 3,000,000.00 yuan: already disbursed 2,000,000.00, requested 1,500,000.00, " +
                     "headroom 1,000,000.00", error.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public void Given_no_tranche_yet_When_instructing_a_number_other_than_1_Then_it_is_out_of_sequence(int number)
    {
        Approved300().When(Commands.Instruct(number, Money.FromWan(1))).ShouldFail(ErrorCodes.TrancheOutOfSequence);
    }

    [Fact]
    public void Given_payments_on_hold_When_instructing_Then_the_hold_refuses()
    {
        var error = Approved300().Given(Commands.Hold()).When(Commands.Instruct(1, Money.FromWan(1))).ShouldFail(ErrorCodes.PaymentsOnHold);

        Assert.Equal("payments on HP-2025-000001 are on hold since 2025-04-01: audit query", error.Message);
    }

    [Fact]
    public void Given_a_released_hold_When_instructing_Then_the_tranche_is_instructed()
    {
        Approved300().Given(Commands.Hold()).Given(Commands.Release()).When(Commands.Instruct(1, Money.FromWan(1)))
            .ShouldEmit<TrancheInstructed>();
    }

    [Fact]
    public void Given_a_flagged_applicant_When_instructing_Then_the_credit_flag_refuses()
    {
        Approved300().WithContext(c => c with { Applicant = TestApplicants.Flagged(c.Applicant) })
            .When(Commands.Instruct(1, Money.FromWan(1))).ShouldFail(ErrorCodes.ApplicantCreditFlagged);
    }

    [Fact]
    public void Given_a_non_monetary_award_When_instructing_a_tranche_Then_nothing_may_be_paid()
    {
        ApplicationScenario.Approved(Art5, Money.Zero, bureau: Construction).When(Commands.Instruct(1, Money.FromYuan(1)))
            .ShouldFail(ErrorCodes.AmountNotAllowed);
    }

    [Fact]
    public void Given_an_approved_award_When_instructing_zero_Then_the_amount_must_be_positive()
    {
        Approved300().When(Commands.Instruct(1, Money.Zero)).ShouldFail(ErrorCodes.AmountNotPositive);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("6222-0210-0112")]
    [InlineData("123456789012345678901234567890123")]
    public void Given_an_approved_award_When_the_bank_account_is_not_8_to_32_digits_Then_it_is_refused(string account)
    {
        Approved300().When(Commands.Instruct(1, Money.FromWan(1)) with { PayeeBankAccount = account })
            .ShouldFail(ErrorCodes.InvalidBankAccount);
    }

    [Fact]
    public void Given_an_approved_award_When_the_payee_name_is_missing_Then_it_is_required()
    {
        Approved300().When(Commands.Instruct(1, Money.FromWan(1)) with { PayeeName = "" }).ShouldFail(ErrorCodes.RequiredField);
    }

    [Fact]
    public void Given_file_000_ends_2027_12_31_When_instructing_on_2028_01_01_Then_it_is_outside_the_validity_window()
    {
        Approved300().When(Commands.Instruct(1, Money.FromWan(1), Dates.D(2028, 1, 1))).ShouldFail(ErrorCodes.OutsideValidityWindow);
    }

    [Fact]
    public void Given_an_approved_award_When_instructed_before_the_approval_date_Then_it_is_refused()
    {
        Approved300().When(Commands.Instruct(1, Money.FromWan(1), Dates.D(2025, 3, 31))).ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }

    [Fact]
    public void Given_an_assessed_application_When_instructing_Then_the_status_refuses()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Commands.Instruct(1, Money.FromWan(1))).ShouldFail(ErrorCodes.InvalidStatus);
    }
}
