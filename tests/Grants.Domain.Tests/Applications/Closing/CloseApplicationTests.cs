using Grants.Domain.Applications.Closing;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.Closing;

public sealed class CloseApplicationTests
{
    [Fact]
    public void Given_a_fully_paid_award_When_closed_Then_it_is_closed()
    {
        var e = ApplicationScenario.Paid(Art1, Money.FromWan(300)).When(Commands.Close()).ShouldEmit<ApplicationClosed>();

        Assert.Equal(new ApplicationClosed(Commands.App, null, Dates.Later), e);
    }

    [Fact]
    public void Given_a_recovered_clawback_When_closed_Then_it_is_closed()
    {
        ApplicationScenario.Paid(Art1, Money.FromWan(300)).Given(Commands.OrderClawback(Money.FromWan(100)))
            .Given(Commands.Repay(Money.FromWan(100))).When(Commands.Close()).ShouldEmit<ApplicationClosed>();
    }

    [Fact]
    public void Given_a_non_monetary_award_When_closed_Then_it_is_closed()
    {
        ApplicationScenario.Approved(Art5, Money.Zero, bureau: Construction).When(Commands.Close()).ShouldEmit<ApplicationClosed>();
    }

    [Fact]
    public void Given_a_partly_paid_award_When_closing_Then_the_unpaid_rest_must_be_paid_or_amended_first()
    {
        var error = ApplicationScenario.Approved(Art1, Money.FromWan(300)).Given(Commands.Instruct(1, Money.FromWan(100)))
            .Given(Commands.ConfirmPayment(1)).When(Commands.Close()).ShouldFail(ErrorCodes.AwardNotSettled);

        Assert.Equal("application HP-2025-000001 cannot close: the award is 3,000,000.00 yuan and 1,000,000.00 is paid; " +
                     "pay the rest or amend the award", error.Message);
    }

    [Fact]
    public void Given_a_partly_paid_award_amended_down_to_what_was_paid_When_closed_Then_it_is_closed()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).Given(Commands.Instruct(1, Money.FromWan(100)))
            .Given(Commands.ConfirmPayment(1)).Given(Commands.Amend(Money.FromWan(100))).When(Commands.Close())
            .ShouldEmit<ApplicationClosed>();
    }

    [Fact]
    public void Given_a_tranche_in_flight_When_closing_Then_it_is_not_settled()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).Given(Commands.Instruct(1, Money.FromWan(300)))
            .When(Commands.Close()).ShouldFail(ErrorCodes.AwardNotSettled);
    }

    [Fact]
    public void Given_an_open_clawback_When_closing_Then_it_is_not_settled()
    {
        ApplicationScenario.Paid(Art1, Money.FromWan(300)).Given(Commands.OrderClawback(Money.FromWan(100)))
            .When(Commands.Close()).ShouldFail(ErrorCodes.AwardNotSettled);
    }

    [Fact]
    public void Given_a_closed_application_When_closed_again_Then_the_status_refuses()
    {
        ApplicationScenario.Paid(Art1, Money.FromWan(300)).Given(Commands.Close()).When(Commands.Close()).ShouldFail(ErrorCodes.InvalidStatus);
    }

    [Fact]
    public void Given_a_paid_award_When_the_closing_is_dated_before_the_last_step_Then_it_is_refused()
    {
        ApplicationScenario.Paid(Art1, Money.FromWan(300)).When(Commands.Close(Dates.D(2025, 4, 14))).ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }
}
