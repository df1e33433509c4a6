using Grants.Domain.Applications.HoldingPayments;
using Grants.Domain.Applications.Withdrawing;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.HoldingPayments;

public sealed class HoldPaymentsTests
{
    [Fact]
    public void Given_an_approved_award_When_payments_are_held_Then_the_hold_and_its_reason_are_recorded()
    {
        var e = ApplicationScenario.Approved(Art1, Money.FromWan(1)).When(Commands.Hold()).ShouldEmit<PaymentsHeld>();

        Assert.Equal(new PaymentsHeld(Commands.App, "audit query", Dates.Approved), e);
    }

    [Fact]
    public void Given_an_assessed_application_When_payments_are_held_before_approval_Then_the_hold_is_recorded()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Commands.Hold()).ShouldEmit<PaymentsHeld>();
    }

    [Fact]
    public void Given_payments_on_hold_When_held_again_Then_they_are_already_on_hold()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(1)).Given(Commands.Hold()).When(Commands.Hold()).ShouldFail(ErrorCodes.AlreadyOnHold);
    }

    [Fact]
    public void Given_an_approved_award_When_holding_without_a_reason_Then_the_reason_is_required()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(1)).When(new HoldPayments(Commands.App, "", Dates.Approved))
            .ShouldFail(ErrorCodes.RequiredField);
    }

    [Fact]
    public void Given_a_withdrawn_application_When_holding_payments_Then_the_status_refuses()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(1)).Given(new WithdrawApplication(Commands.App, "no longer needed", Dates.Later))
            .When(Commands.Hold()).ShouldFail(ErrorCodes.InvalidStatus);
    }
}
