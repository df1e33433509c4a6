using Grants.Domain.Applications.ConfirmingEligibility;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.ConfirmingEligibility;

public sealed class ConfirmEligibilityTests
{
    private static ApplicationScenario Submitted() =>
        ApplicationScenario.For(TestApplicants.Fintech).Given(Commands.Submit(Art1, Money.FromWan(100)));

    [Fact]
    public void Given_a_submitted_application_When_eligibility_is_confirmed_Then_eligibility_confirmed()
    {
        var e = Submitted().When(Commands.ConfirmEligibility()).ShouldEmit<EligibilityConfirmed>();

        Assert.Equal(new EligibilityConfirmed(Commands.App, null, Dates.Confirmed), e);
    }

    [Fact]
    public void Given_an_already_confirmed_application_When_confirming_again_Then_the_status_refuses()
    {
        Submitted().Given(Commands.ConfirmEligibility()).When(Commands.ConfirmEligibility()).ShouldFail(ErrorCodes.InvalidStatus);
    }

    [Fact]
    public void Given_a_submitted_application_When_confirmed_before_the_submission_date_Then_it_is_refused()
    {
        Submitted().When(Commands.ConfirmEligibility(Dates.D(2025, 2, 28))).ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }

    [Fact]
    public void Given_a_submitted_application_When_the_note_is_too_long_Then_it_is_refused()
    {
        Submitted().When(new ConfirmEligibility(Commands.App, new string('x', 2001), Dates.Confirmed)).ShouldFail(ErrorCodes.FieldTooLong);
    }

    [Fact]
    public void Given_the_measure_no_longer_admits_the_applicant_kind_When_confirming_Then_the_applicant_is_not_eligible()
    {
        var scenario = Submitted();
        var narrowed = Current with
        {
            Policies = [Current.Policies[0] with
            {
                Measures = [.. Current.Policies[0].Measures.Select(m => m.Id == Art1 ? m with { EligibleApplicants = [] } : m)],
            }],
        };

        scenario.WithContext(c => c with { Catalog = narrowed }).When(Commands.ConfirmEligibility())
            .ShouldFail(ErrorCodes.ApplicantNotEligible);
    }

    [Fact]
    public void Given_no_application_When_confirming_Then_it_is_not_found()
    {
        ApplicationScenario.For(TestApplicants.Fintech).When(Commands.ConfirmEligibility()).ShouldFail(ErrorCodes.ApplicationNotFound);
    }
}
