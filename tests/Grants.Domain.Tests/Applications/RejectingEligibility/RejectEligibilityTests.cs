using Grants.Domain.Applications;
using Grants.Domain.Applications.RejectingEligibility;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.RejectingEligibility;

public sealed class RejectEligibilityTests
{
    private static RejectEligibility Reject(string reason = "not registered in Huangpu", DateOnly? on = null) =>
        new(Commands.App, reason, on ?? Dates.Confirmed);

    private static ApplicationScenario Submitted() =>
        ApplicationScenario.For(TestApplicants.Fintech).Given(Commands.Submit(Art1, Money.FromWan(100)));

    [Fact]
    public void Given_a_submitted_application_When_eligibility_is_rejected_Then_the_application_ends()
    {
        var scenario = Submitted();

        var e = scenario.When(Reject()).ShouldEmit<EligibilityRejected>();

        Assert.Equal(new EligibilityRejected(Commands.App, "not registered in Huangpu", Dates.Confirmed), e);
        Assert.Equal(ApplicationStatus.EligibilityRejected, ApplicationDecider.Evolve(scenario.State, e).Status);
    }

    [Fact]
    public void Given_an_eligible_application_When_rejecting_eligibility_Then_the_status_refuses()
    {
        Submitted().Given(Commands.ConfirmEligibility()).When(Reject()).ShouldFail(ErrorCodes.InvalidStatus);
    }

    [Fact]
    public void Given_a_submitted_application_When_rejecting_without_a_reason_Then_the_reason_is_required()
    {
        Submitted().When(Reject("")).ShouldFail(ErrorCodes.RequiredField);
    }

    [Fact]
    public void Given_a_submitted_application_When_rejected_before_submission_Then_it_is_refused()
    {
        Submitted().When(Reject(on: Dates.D(2025, 1, 1))).ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }
}
