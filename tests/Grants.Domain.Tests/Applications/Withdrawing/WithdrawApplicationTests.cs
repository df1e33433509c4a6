using Grants.Domain.Applications;
using Grants.Domain.Applications.Withdrawing;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.Withdrawing;

public sealed class WithdrawApplicationTests
{
    private static WithdrawApplication Withdraw(DateOnly? on = null) => new(Commands.App, "moved to Pudong", on ?? Dates.Later);

    [Fact]
    public void Given_an_assessed_application_When_the_applicant_withdraws_Then_it_is_withdrawn()
    {
        var e = ApplicationScenario.Assessed(Art1, Money.FromWan(100)).When(Withdraw()).ShouldEmit<ApplicationWithdrawn>();

        Assert.Equal(new ApplicationWithdrawn(Commands.App, "moved to Pudong", Dates.Later), e);
    }

    [Fact]
    public void Given_a_large_award_waiting_for_its_second_approval_When_withdrawn_Then_the_pending_approval_is_dropped()
    {
        var scenario = ApplicationScenario.Assessed(Art3, Money.FromWan(1500)).Given(Commands.Approve(Money.FromWan(1500), bureau: Stc));

        var e = scenario.When(Withdraw()).ShouldEmit<ApplicationWithdrawn>();

        Assert.NotNull(scenario.State.PendingApproval);
        Assert.Null(ApplicationDecider.Evolve(scenario.State, e).PendingApproval);
    }

    [Fact]
    public void Given_an_approved_award_When_the_applicant_withdraws_Then_it_is_too_late()
    {
        var error = ApplicationScenario.Approved(Art1, Money.FromWan(100)).When(Withdraw()).ShouldFail(ErrorCodes.InvalidStatus);

        Assert.Equal("cannot withdraw: application HP-2025-000001 is Approved", error.Message);
    }

    [Fact]
    public void Given_no_application_When_withdrawing_Then_it_is_not_found()
    {
        ApplicationScenario.For(TestApplicants.Fintech).When(Withdraw()).ShouldFail(ErrorCodes.ApplicationNotFound);
    }

    [Fact]
    public void Given_a_submitted_application_When_withdrawing_without_a_reason_Then_the_reason_is_required()
    {
        var scenario = ApplicationScenario.For(TestApplicants.Fintech).Given(Commands.Submit(Art1, Money.FromWan(1)));

        var error = scenario.When(new WithdrawApplication(Commands.App, " ", Dates.Later)).ShouldFail(ErrorCodes.RequiredField);
        Assert.Equal("reason", error.Field);
    }

    [Fact]
    public void Given_a_submitted_application_When_the_withdrawal_is_dated_before_the_submission_Then_it_is_refused()
    {
        var scenario = ApplicationScenario.For(TestApplicants.Fintech).Given(Commands.Submit(Art1, Money.FromWan(1)));

        scenario.When(Withdraw(Dates.D(2025, 2, 1))).ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }

    [Fact]
    public void Given_an_application_of_another_applicant_When_the_context_carries_the_wrong_applicant_Then_it_is_refused()
    {
        var scenario = ApplicationScenario.For(TestApplicants.Fintech).Given(Commands.Submit(Art1, Money.FromWan(1)))
            .WithContext(c => c with { Applicant = TestApplicants.Institution });

        scenario.When(Withdraw()).ShouldFail(ErrorCodes.ApplicantMismatch);
    }
}
