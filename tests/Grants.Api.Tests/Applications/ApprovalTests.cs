using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using Grants.Domain;
using Grpc.Core;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Applications;

/// <summary>Approve through the real server: two approvers for large awards, separation of duties, the policy's
/// validity window, the appropriation's headroom and the applicant's credit standing.</summary>
public sealed class ApprovalTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private readonly GrantsDesk _desk = fixture.Desk;

    [Fact]
    public async Task Given_an_award_of_ten_million_yuan_When_approved_Then_it_waits_for_a_second_distinct_approver_before_committing()
    {
        const long tenMillionYuan = 1_000_000_000;
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, new Money(2 * tenMillionYuan));
        var id = (await _desk.Assessed(applicant, Art1, tenMillionYuan)).ApplicationId;
        var before = await _desk.Ledger(Officers.Ipo, 2025, Art1);

        var first = await _desk.Approvers.ApproveAsync(Approval(id, tenMillionYuan));
        Assert.True(first.SecondApprovalRequired);
        Assert.Equal(ApplicationStatus.AwaitingSecondApproval, first.Application.Status);
        Assert.Equal(before.Committed, (await _desk.Ledger(Officers.Ipo, 2025, Art1)).Committed);

        var again = await Refusals.Precondition("STATE", () => _desk.Approvers.ApproveAsync(Approval(id, tenMillionYuan)).ResponseAsync);
        Assert.Contains(ErrorCodes.SecondApproverMustDiffer, again.Description);

        var second = await _desk.Approvers.ApproveAsync(Approval(id, tenMillionYuan, Officers.SecondApprover));
        Assert.False(second.SecondApprovalRequired);
        Assert.Equal(ApplicationStatus.Approved, second.Application.Status);
        Assert.Equal([Officers.Approver, Officers.SecondApprover], second.Application.Award.Approvers);
        Assert.Equal(before.Committed + tenMillionYuan, (await _desk.Ledger(Officers.Ipo, 2025, Art1)).Committed);
    }

    [Fact]
    public async Task Given_the_officer_who_assessed_it_When_he_approves_the_application_Then_it_is_refused_as_a_breach_of_duties()
    {
        var applicant = await _desk.RegisterEnterprise();
        var id = (await _desk.Assessed(applicant)).ApplicationId;
        var events = await _desk.EventCount();

        var violation = await Refusals.Precondition("STATE",
            () => _desk.Approvers.ApproveAsync(Approval(id, 50_000_000, Officers.Assessor)).ResponseAsync);

        Assert.Contains(ErrorCodes.ApproverIsAssessor, violation.Description);
        Assert.Equal(events, await _desk.EventCount());
    }

    [Fact]
    public async Task Given_HP_2024_3_ends_on_2027_12_31_When_an_approval_is_dated_2028_01_01_Then_it_is_a_failed_precondition()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2027, Art1, Money.FromWan(100));
        var id = (await _desk.Assessed(applicant)).ApplicationId;
        var events = await _desk.EventCount();

        var violation = await Refusals.Precondition("STATE",
            () => _desk.Approvers.ApproveAsync(Approval(id, 50_000_000, on: Officers.On(2028, 1, 1))).ResponseAsync);

        Assert.Contains("2027-12-31", violation.Description);
        Assert.Equal(events, await _desk.EventCount());
    }

    [Fact]
    public async Task Given_one_million_yuan_appropriated_When_approving_1_2_million_Then_the_refusal_names_the_appropriation_and_its_headroom()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Stc, 2025, Art3, Money.FromWan(100));
        var id = (await _desk.Assessed(applicant, Art3, 120_000_000)).ApplicationId;
        var events = await _desk.EventCount();

        var violation = await Refusals.Precondition("LIMIT",
            () => _desk.Approvers.ApproveAsync(Approval(id, 120_000_000, paying: Officers.Stc)).ResponseAsync);

        Assert.Equal("HP-STC FY2025 HP-2024-3 art.3 appropriation", violation.Subject);
        Assert.Contains("requested 1,200,000.00, headroom 1,000,000.00", violation.Description);
        Assert.Equal(events, await _desk.EventCount());
        Assert.Equal(0, (await _desk.Ledger(Officers.Stc, 2025, Art3)).Committed);
    }

    [Fact]
    public async Task Given_an_applicant_flagged_as_seriously_dishonest_When_approving_its_award_Then_it_is_refused()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, Money.FromWan(100));
        var id = (await _desk.Assessed(applicant)).ApplicationId;
        await _desk.Flag(applicant);

        var violation = await Refusals.Precondition("STATE", () => _desk.Approvers.ApproveAsync(Approval(id, 50_000_000)).ResponseAsync);

        Assert.Contains(ErrorCodes.ApplicantCreditFlagged, violation.Description);
        Assert.Equal(ApplicationStatus.Assessed, (await _desk.Get(id)).Status);
    }

    [Fact]
    public async Task Given_no_such_application_When_approving_or_reading_it_Then_the_answer_is_not_found()
    {
        await Refusals.Expect(StatusCode.NotFound, () => _desk.Approvers.ApproveAsync(Approval("HP-2025-999999", 50_000_000)).ResponseAsync);
        await Refusals.Expect(StatusCode.NotFound, () => _desk.Get("HP-2025-999999"));
    }

    [Fact]
    public async Task Given_an_approved_award_When_it_is_amended_upwards_Then_the_original_stays_and_the_difference_is_committed()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, Money.FromWan(100));
        var id = (await _desk.Approved(applicant)).ApplicationId;
        var before = await _desk.Ledger(Officers.Ipo, 2025, Art1);

        var amended = (await _desk.Approvers.AmendAwardAsync(new AmendAwardRequest
        {
            RequestId = NewRequestId(), ApplicationId = id, Officer = Officers.SecondApprover, NewAmountFen = 60_000_000,
            Reason = "second site opened", AmendedOn = Officers.On(2025, 6, 10),
        })).Application;

        Assert.Equal((50_000_000L, 60_000_000L, 1), (amended.Award.OriginalAmountFen, amended.Award.CurrentAmountFen, amended.Award.AmendmentCount));
        Assert.Equal(before.Committed + 10_000_000, (await _desk.Ledger(Officers.Ipo, 2025, Art1)).Committed);
    }

    [Fact]
    public async Task Given_an_approved_award_When_the_applicant_withdraws_Then_it_is_too_late()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, Money.FromWan(100));
        var id = (await _desk.Approved(applicant)).ApplicationId;

        await Refusals.Precondition("STATE", () => _desk.Portal.WithdrawAsync(new WithdrawRequest
        {
            RequestId = NewRequestId(), ApplicationId = id, Reason = "changed our mind",
        }).ResponseAsync);
    }

    [Fact]
    public async Task Given_an_assessed_application_When_the_approver_rejects_it_Then_it_is_rejected_with_the_reason()
    {
        var applicant = await _desk.RegisterEnterprise();
        var id = (await _desk.Assessed(applicant)).ApplicationId;

        var rejected = (await _desk.Approvers.RejectAsync(new RejectRequest
        {
            RequestId = NewRequestId(), ApplicationId = id, Officer = Officers.Approver, DecidedOn = Officers.On(2025, 6, 3),
            Reason = "registered capital below the threshold",
        })).Application;

        Assert.Equal((ApplicationStatus.Rejected, "registered capital below the threshold"), (rejected.Status, rejected.DecisionReason));
    }
}
