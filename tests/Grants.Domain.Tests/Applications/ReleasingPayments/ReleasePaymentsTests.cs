using Grants.Domain.Applications.ReleasingPayments;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.ReleasingPayments;

public sealed class ReleasePaymentsTests
{
    [Fact]
    public void Given_payments_on_hold_When_released_Then_the_release_and_its_reason_are_recorded()
    {
        var e = ApplicationScenario.Approved(Art1, Money.FromWan(1)).Given(Commands.Hold()).When(Commands.Release(Dates.Later))
            .ShouldEmit<PaymentsReleased>();

        Assert.Equal(new PaymentsReleased(Commands.App, "query answered", Dates.Later), e);
    }

    [Fact]
    public void Given_no_hold_When_releasing_Then_payments_are_not_on_hold()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(1)).When(Commands.Release()).ShouldFail(ErrorCodes.NotOnHold);
    }

    [Fact]
    public void Given_payments_on_hold_When_releasing_without_a_reason_Then_the_reason_is_required()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(1)).Given(Commands.Hold())
            .When(new ReleasePayments(Commands.App, " ", Dates.Later)).ShouldFail(ErrorCodes.RequiredField);
    }

    [Fact]
    public void Given_payments_on_hold_When_the_release_is_dated_before_the_hold_Then_it_is_refused()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(1)).Given(Commands.Hold(Dates.Later))
            .When(Commands.Release(Dates.Paid)).ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }
}
