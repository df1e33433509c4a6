using Grants.Domain.Applicants;
using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Tests.Fixtures;

namespace Grants.Domain.Tests.Applicants.ClearingCredit;

public sealed class ClearCreditTests
{
    private static ClearCredit Clear(string reason = "信用修复完成") =>
        new(TestApplicants.FintechId, "CR-2025-0001", reason, Dates.D(2025, 5, 1));

    [Fact]
    public void Given_a_flagged_applicant_When_the_registry_clears_it_Then_it_is_no_longer_flagged()
    {
        var flagged = TestApplicants.Flagged(TestApplicants.Fintech);

        var e = ApplicantDecider.Decide(Clear(), flagged).ShouldEmit<ApplicantCreditCleared>();

        Assert.Equal(TestApplicants.FintechCreditCode, e.BeneficiaryKey);
        Assert.False(ApplicantDecider.Evolve(flagged, e).IsFlagged);
    }

    [Fact]
    public void Given_an_applicant_in_good_standing_When_clearing_Then_it_is_not_flagged()
    {
        ApplicantDecider.Decide(Clear(), TestApplicants.Fintech).ShouldFail(ErrorCodes.NotFlagged);
    }

    [Fact]
    public void Given_no_applicant_When_clearing_Then_it_is_not_found()
    {
        ApplicantDecider.Decide(Clear(), ApplicantState.Initial).ShouldFail(ErrorCodes.ApplicantNotFound);
    }

    [Fact]
    public void Given_a_flagged_applicant_When_clearing_without_a_reason_Then_it_is_required()
    {
        ApplicantDecider.Decide(Clear(""), TestApplicants.Flagged(TestApplicants.Fintech)).ShouldFail(ErrorCodes.RequiredField);
    }
}
