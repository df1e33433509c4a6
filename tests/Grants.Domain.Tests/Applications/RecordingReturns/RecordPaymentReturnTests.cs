using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.RecordingReturns;

public sealed class RecordPaymentReturnTests
{
    [Fact]
    public void Given_a_confirmed_payment_When_it_comes_back_Then_the_return_carries_the_tranche_amount()
    {
        var e = ApplicationScenario.Paid(Art1, Money.FromWan(300)).When(Commands.Return(1)).ShouldEmit<PaymentReturned>();

        Assert.Equal((Commands.Reference(1), 1, Money.FromWan(300), "account closed"), (e.Reference, e.TrancheNumber, e.Amount, e.Reason));
    }

    [Fact]
    public void Given_an_instructed_but_unconfirmed_tranche_When_recording_a_return_Then_it_is_not_paid()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(300)).Given(Commands.Instruct(1, Money.FromWan(300)))
            .When(Commands.Return(1)).ShouldFail(ErrorCodes.TrancheNotConfirmed);
    }

    [Fact]
    public void Given_a_returned_payment_When_recording_the_return_again_Then_it_is_not_paid()
    {
        ApplicationScenario.Paid(Art1, Money.FromWan(300)).Given(Commands.Return(1)).When(Commands.Return(1))
            .ShouldFail(ErrorCodes.TrancheNotConfirmed);
    }

    [Fact]
    public void Given_no_such_tranche_When_recording_a_return_Then_the_tranche_is_unknown()
    {
        ApplicationScenario.Paid(Art1, Money.FromWan(300)).When(Commands.Return(7)).ShouldFail(ErrorCodes.UnknownTranche);
    }

    [Fact]
    public void Given_a_clawback_claiming_paid_money_When_the_payment_returns_Then_paid_may_not_drop_below_the_claim()
    {
        var error = ApplicationScenario.Paid(Art1, Money.FromWan(300)).Given(Commands.OrderClawback(Money.FromWan(100)))
            .When(Commands.Return(1)).ShouldFail(ErrorCodes.ReturnBelowClawedBack);

        Assert.Equal("HP-2025-000001 paid 3,000,000.00 yuan: already clawed back 1,000,000.00, requested 3,000,000.00, " +
                     "headroom 2,000,000.00", error.Message);
    }

    [Fact]
    public void Given_a_confirmed_payment_When_the_return_is_dated_before_the_payment_Then_it_is_refused()
    {
        ApplicationScenario.Paid(Art1, Money.FromWan(300)).When(Commands.Return(1, Dates.D(2025, 4, 14)))
            .ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }

    [Fact]
    public void Given_a_confirmed_payment_When_the_reason_is_missing_Then_it_is_required()
    {
        ApplicationScenario.Paid(Art1, Money.FromWan(300)).When(Commands.Return(1) with { Reason = "" }).ShouldFail(ErrorCodes.RequiredField);
    }
}
