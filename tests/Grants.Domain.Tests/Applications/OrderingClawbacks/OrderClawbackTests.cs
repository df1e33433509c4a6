using Grants.Domain.Applications.OrderingClawbacks;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.OrderingClawbacks;

public sealed class OrderClawbackTests
{
    private static ApplicationScenario Paid300() => ApplicationScenario.Paid(Art1, Money.FromWan(300));

    [Fact]
    public void Given_a_paid_award_When_finance_orders_a_clawback_Then_it_is_ordered_with_reason_amount_and_ledger_keys()
    {
        var e = Paid300().When(Commands.OrderClawback(Money.FromWan(100))).ShouldEmit<ClawbackOrdered>();

        Assert.Equal((new ClawbackId("C1"), Officials.Finance, "conditions not met", Money.FromWan(100), Dates.Later),
            (e.ClawbackId, e.OrderedBy, e.Reason, e.Amount, e.OrderedOn));
        Assert.Equal(2025, e.Ledger.FiscalYear);
    }

    [Fact]
    public void Given_a_paid_award_When_the_approver_orders_its_clawback_Then_separation_of_duties_refuses()
    {
        var error = Paid300().When(Commands.OrderClawback(Money.FromWan(100), by: Officials.Approver)).ShouldFail(ErrorCodes.ClawbackByApprover);

        Assert.Equal("approver.wang approved award HP-2025-000001 and cannot order its clawback", error.Message);
    }

    [Fact]
    public void Given_an_award_raised_by_an_amendment_approver_When_that_approver_orders_a_clawback_Then_it_is_refused()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(100)).Given(Commands.Amend(Money.FromWan(200), Officials.SecondApprover, on: Dates.Approved))
            .Given(Commands.Instruct(1, Money.FromWan(200))).Given(Commands.ConfirmPayment(1))
            .When(Commands.OrderClawback(Money.FromWan(1), by: Officials.SecondApprover)).ShouldFail(ErrorCodes.ClawbackByApprover);
    }

    [Fact]
    public void Given_a_dual_approved_award_When_the_first_approver_orders_a_clawback_Then_it_is_refused()
    {
        ApplicationScenario.Assessed(Art3, Money.FromWan(1500))
            .Given(Commands.Approve(Money.FromWan(1500), bureau: Stc))
            .Given(Commands.Approve(Money.FromWan(1500), Officials.SecondApprover, Stc))
            .Given(Commands.Instruct(1, Money.FromWan(1500))).Given(Commands.ConfirmPayment(1))
            .When(Commands.OrderClawback(Money.FromWan(1), by: Officials.Approver)).ShouldFail(ErrorCodes.ClawbackByApprover);
    }

    [Fact]
    public void Given_300_wan_paid_and_250_already_clawed_back_When_ordering_100_more_Then_paid_refuses_with_its_headroom()
    {
        var error = Paid300().Given(Commands.OrderClawback(Money.FromWan(250)))
            .When(Commands.OrderClawback(Money.FromWan(100), "C2")).ShouldFail(ErrorCodes.ClawbackExceedsPaid);

        Assert.Equal("HP-2025-000001 paid 3,000,000.00 yuan: already clawed back 2,500,000.00, requested 1,000,000.00, " +
                     "headroom 500,000.00", error.Message);
    }

    [Fact]
    public void Given_a_written_off_clawback_When_ordering_another_Then_the_written_off_part_no_longer_counts()
    {
        Paid300().Given(Commands.OrderClawback(Money.FromWan(300))).Given(Commands.WriteOff())
            .When(Commands.OrderClawback(Money.FromWan(300), "C2")).ShouldEmit<ClawbackOrdered>();
    }

    [Fact]
    public void Given_an_approved_but_unpaid_award_When_ordering_a_clawback_Then_there_is_nothing_to_claw_back()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).When(Commands.OrderClawback(Money.FromYuan(1)))
            .ShouldFail(ErrorCodes.ClawbackExceedsPaid);
    }

    [Fact]
    public void Given_an_existing_clawback_id_When_ordering_it_again_Then_it_already_exists()
    {
        Paid300().Given(Commands.OrderClawback(Money.FromWan(1))).When(Commands.OrderClawback(Money.FromWan(1)))
            .ShouldFail(ErrorCodes.ClawbackExists);
    }

    [Fact]
    public void Given_a_paid_award_When_the_clawback_id_is_malformed_Then_it_is_refused()
    {
        Paid300().When(Commands.OrderClawback(Money.FromWan(1), "C 1")).ShouldFail(ErrorCodes.InvalidClawbackId);
    }

    [Fact]
    public void Given_a_paid_award_When_ordering_zero_Then_the_amount_must_be_positive()
    {
        Paid300().When(Commands.OrderClawback(Money.Zero)).ShouldFail(ErrorCodes.AmountNotPositive);
    }

    [Fact]
    public void Given_a_paid_award_When_ordering_without_a_reason_Then_the_reason_is_required()
    {
        Paid300().When(Commands.OrderClawback(Money.FromWan(1)) with { Reason = "" }).ShouldFail(ErrorCodes.RequiredField);
    }

    [Fact]
    public void Given_a_paid_award_When_the_order_is_dated_before_the_approval_Then_it_is_refused()
    {
        Paid300().When(Commands.OrderClawback(Money.FromWan(1), on: Dates.D(2025, 3, 1))).ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }

    [Fact]
    public void Given_an_assessed_application_When_ordering_a_clawback_Then_the_status_refuses()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Commands.OrderClawback(Money.FromWan(1))).ShouldFail(ErrorCodes.InvalidStatus);
    }
}
