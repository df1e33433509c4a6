using Grants.Domain.Applications.Rejecting;
using Grants.Domain.Catalog;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.Rejecting;

public sealed class RejectApplicationTests
{
    private static RejectApplication Reject(BureauCode? bureau = null, string reason = "score below the bar") =>
        new(Commands.App, Officials.Approver, bureau ?? Ipo, reason, Dates.Approved);

    [Fact]
    public void Given_an_assessed_application_When_a_responsible_official_rejects_it_Then_it_is_rejected()
    {
        var e = ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Reject()).ShouldEmit<ApplicationRejected>();

        Assert.Equal(new ApplicationRejected(Commands.App, "score below the bar", Dates.Approved), e);
    }

    [Fact]
    public void Given_a_large_award_with_a_first_approval_When_rejected_Then_it_is_rejected()
    {
        ApplicationScenario.Assessed(Art3, Money.FromWan(1500)).Given(Commands.Approve(Money.FromWan(1500), bureau: Stc))
            .When(Reject(Stc)).ShouldEmit<ApplicationRejected>();
    }

    [Fact]
    public void Given_an_approved_award_When_rejecting_Then_it_is_too_late()
    {
        ApplicationScenario.Approved(Art1, Money.FromWan(1)).When(Reject()).ShouldFail(ErrorCodes.InvalidStatus);
    }

    [Fact]
    public void Given_an_assessed_application_When_an_official_of_another_bureau_rejects_Then_it_is_refused()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Reject(Finance)).ShouldFail(ErrorCodes.BureauNotResponsible);
    }

    [Fact]
    public void Given_an_assessed_application_When_rejecting_without_a_reason_Then_the_reason_is_required()
    {
        ApplicationScenario.Assessed(Art1, Money.FromWan(1)).When(Reject(reason: "")).ShouldFail(ErrorCodes.RequiredField);
    }
}
