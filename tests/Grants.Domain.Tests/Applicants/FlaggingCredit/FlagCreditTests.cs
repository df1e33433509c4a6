using Grants.Domain.Applicants;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Tests.Fixtures;

namespace Grants.Domain.Tests.Applicants.FlaggingCredit;

public sealed class FlagCreditTests
{
    private static FlagCredit Flag(ApplicantId? id = null, string reference = "CR-2025-0001") =>
        new(id ?? TestApplicants.FintechId, reference, "列入严重失信主体名单", Dates.D(2025, 2, 1));

    [Fact]
    public void Given_a_registered_enterprise_When_the_registry_flags_it_Then_the_flag_carries_the_beneficiary_key()
    {
        var e = ApplicantDecider.Decide(Flag(), TestApplicants.Fintech).ShouldEmit<ApplicantCreditFlagged>();

        Assert.Equal(new ApplicantCreditFlagged(TestApplicants.FintechId, TestApplicants.FintechCreditCode, "CR-2025-0001",
            "列入严重失信主体名单", Dates.D(2025, 2, 1)), e);
        Assert.True(ApplicantDecider.Evolve(TestApplicants.Fintech, e).IsFlagged);
    }

    [Fact]
    public void Given_a_flagged_applicant_When_flagged_again_Then_it_is_already_flagged()
    {
        ApplicantDecider.Decide(Flag(), TestApplicants.Flagged(TestApplicants.Fintech)).ShouldFail(ErrorCodes.AlreadyFlagged);
    }

    [Fact]
    public void Given_no_applicant_When_flagging_Then_it_is_not_found()
    {
        ApplicantDecider.Decide(Flag(), ApplicantState.Initial).ShouldFail(ErrorCodes.ApplicantNotFound);
    }

    [Fact]
    public void Given_a_registered_applicant_When_the_registry_reference_is_missing_Then_it_is_required()
    {
        ApplicantDecider.Decide(Flag(reference: ""), TestApplicants.Fintech).ShouldFail(ErrorCodes.RequiredField);
    }
}
