using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Ledgers;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.ConfirmingPayments;

public sealed class ConfirmPaymentTests
{
    private static ApplicationScenario Instructed() =>
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).Given(Commands.Instruct(1, Money.FromWan(100)));

    [Fact]
    public void Given_an_instructed_tranche_When_the_treasury_confirms_it_Then_the_payment_carries_amount_and_ledger_keys()
    {
        var e = Instructed().When(Commands.ConfirmPayment(1)).ShouldEmit<PaymentConfirmed>();

        Assert.Equal(new PaymentConfirmed(Commands.App, "HP-2025-000001-T1", 1, Money.FromWan(100), "TR-1", Dates.Paid,
            new LedgerKeys(Ipo, 2025, Art1, TestApplicants.FintechCreditCode, null, false)), e);
    }

    [Fact]
    public void Given_a_payment_confirmed_in_2028_When_the_award_was_approved_in_2025_Then_it_lands_on_the_2025_budget_line()
    {
        var e = Instructed().When(Commands.ConfirmPayment(1, Dates.D(2028, 1, 3))).ShouldEmit<PaymentConfirmed>();

        Assert.Equal(2025, e.Ledger.FiscalYear);
    }

    [Fact]
    public void Given_no_such_tranche_When_confirming_Then_the_tranche_is_unknown()
    {
        Instructed().When(Commands.ConfirmPayment(2)).ShouldFail(ErrorCodes.UnknownTranche);
    }

    [Fact]
    public void Given_a_confirmed_tranche_When_confirmed_again_Then_it_is_not_awaiting_payment()
    {
        Instructed().Given(Commands.ConfirmPayment(1)).When(Commands.ConfirmPayment(1)).ShouldFail(ErrorCodes.TrancheNotInstructed);
    }

    [Fact]
    public void Given_payments_on_hold_When_confirming_Then_the_hold_refuses()
    {
        Instructed().Given(Commands.Hold(Dates.Instructed)).When(Commands.ConfirmPayment(1)).ShouldFail(ErrorCodes.PaymentsOnHold);
    }

    [Fact]
    public void Given_a_flagged_applicant_When_confirming_Then_the_credit_flag_refuses()
    {
        Instructed().WithContext(c => c with { Applicant = TestApplicants.Flagged(c.Applicant) })
            .When(Commands.ConfirmPayment(1)).ShouldFail(ErrorCodes.ApplicantCreditFlagged);
    }

    [Fact]
    public void Given_an_instructed_tranche_When_the_treasury_reference_is_missing_Then_it_is_required()
    {
        Instructed().When(Commands.ConfirmPayment(1) with { TreasuryReference = "" }).ShouldFail(ErrorCodes.RequiredField);
    }

    [Fact]
    public void Given_an_instructed_tranche_When_paid_before_it_was_instructed_Then_it_is_refused()
    {
        Instructed().When(Commands.ConfirmPayment(1, Dates.D(2025, 4, 9))).ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }
}
