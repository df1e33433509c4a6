using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using Grants.Domain;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Lifecycle;

/// <summary>One award from submission to a recovered clawback, through the real server, with the budget ledger checked
/// at every step that moves money and the listing's status held equal to the application's own.</summary>
public sealed class FullLifecycleTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private const long Appropriated = 1_000_000_000; // 10,000,000.00 yuan
    private const long Award = 50_000_000;           // 500,000.00 yuan
    private const long ClawedBack = 10_000_000;      // 100,000.00 yuan

    private readonly GrantsDesk _desk = fixture.Desk;

    [Fact]
    public async Task Given_an_appropriation_When_an_award_runs_from_submission_to_a_recovered_clawback_Then_every_step_shows_in_status_and_ledger()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, new Money(Appropriated));

        var submitted = await _desk.Submit(applicant, Art1, Award);
        var id = submitted.ApplicationId;
        Assert.Matches(@"^HP-2025-[0-9]{6}$", id);
        Assert.Equal(("金融科技集聚区落户奖励", Award), (submitted.Title, submitted.RequestedAmountFen));
        await StatusIs(id, applicant, ApplicationStatus.Submitted);

        await _desk.Assessors.ConfirmEligibilityAsync(new ConfirmEligibilityRequest
        {
            RequestId = NewRequestId(), ApplicationId = id, Officer = Officers.Assessor, DecidedOn = Officers.On(2025, 6, 2),
        });
        await StatusIs(id, applicant, ApplicationStatus.Eligible);

        var assessed = await _desk.Assessors.AssessAsync(new AssessRequest
        {
            RequestId = NewRequestId(), ApplicationId = id, Assessor = Officers.Assessor, Score = 90, RecommendedAmountFen = Award,
            Conflict = new ConflictDeclaration { Statement = "无利益冲突" },
        });
        Assert.Equal((Officers.Assessor, 90), (assessed.Application.Assessment.Assessor, assessed.Application.Assessment.Score));
        await StatusIs(id, applicant, ApplicationStatus.Assessed);

        var approved = await _desk.Approvers.ApproveAsync(Approval(id, Award));
        Assert.False(approved.SecondApprovalRequired);
        await StatusIs(id, applicant, ApplicationStatus.Approved);
        Assert.Equal(new BudgetLine(Appropriated, Award, 0, 0), await Ledger());

        var tranche = (await _desk.Treasury.InstructTrancheAsync(Instruction(id, Award))).Tranche;
        Assert.Equal((id + "-T1", TrancheStatus.Instructed, "****************1234"),
            (tranche.PaymentReference, tranche.Status, tranche.PayeeAccountMasked));
        await StatusIs(id, applicant, ApplicationStatus.Disbursing);
        Assert.Equal(new BudgetLine(Appropriated, Award, 0, 0), await Ledger());

        var paid = (await _desk.Treasury.ConfirmPaymentAsync(new ConfirmPaymentRequest
        {
            RequestId = NewRequestId(), PaymentReference = tranche.PaymentReference, AmountFen = Award,
            PaidOn = Officers.On(2025, 6, 6), TreasuryReference = "TR-20250606-001",
        })).Tranche;
        Assert.Equal((TrancheStatus.Paid, "TR-20250606-001"), (paid.Status, paid.TreasuryReference));
        await StatusIs(id, applicant, ApplicationStatus.Paid);
        Assert.Equal(new BudgetLine(Appropriated, 0, Award, 0), await Ledger());

        var clawback = (await _desk.Clawbacks.OrderClawbackAsync(new OrderClawbackRequest
        {
            RequestId = NewRequestId(), ApplicationId = id, AmountFen = ClawedBack, Reason = "moved its head office out of 黄浦区",
            Officer = Officers.Inspector, OrderedOn = Officers.On(2025, 7, 1), DueOn = Officers.On(2025, 8, 1),
        })).Clawback;
        Assert.Equal((ClawbackStatus.Open, ClawedBack, Officers.On(2025, 8, 1)), (clawback.Status, clawback.OutstandingFen, clawback.DueOn));
        await StatusIs(id, applicant, ApplicationStatus.ClawbackOpen);
        Assert.Equal(new BudgetLine(Appropriated, 0, Award, 0), await Ledger());

        var recovered = (await _desk.Clawbacks.RecordRecoveryAsync(new RecordRecoveryRequest
        {
            RequestId = NewRequestId(), ClawbackId = clawback.ClawbackId, AmountFen = ClawedBack,
            ReceivedOn = Officers.On(2025, 7, 20), TreasuryReference = "TR-20250720-007",
        })).Clawback;
        Assert.Equal((ClawbackStatus.Recovered, ClawedBack, 0L), (recovered.Status, recovered.RepaidFen, recovered.OutstandingFen));
        await StatusIs(id, applicant, ApplicationStatus.Closed);
        Assert.Equal(new BudgetLine(Appropriated, 0, Award, ClawedBack), await Ledger());

        var final = await _desk.Get(id);
        Assert.Equal((Award, Award, 2025, Officers.Ipo), (final.Award.OriginalAmountFen, final.Award.CurrentAmountFen,
            final.Award.FiscalYear, final.Award.PayingBureauCode));
        Assert.Equal([Officers.Approver], final.Award.Approvers);
        Assert.Equal(Award, final.PaidFen);
        Assert.Equal(TrancheStatus.Paid, Assert.Single(final.Tranches).Status);
        Assert.Equal(clawback.ClawbackId, Assert.Single(final.Clawbacks).ClawbackId);
        Assert.Equal(9, final.Version); // submitted … recovered, then closed in the same append
    }

    private Task<BudgetLine> Ledger() => _desk.Ledger(Officers.Ipo, 2025, Art1);

    /// <summary>The application's status as GetApplication folds it, and as the listing's read model computes it.</summary>
    private async Task StatusIs(string id, string applicant, ApplicationStatus expected)
    {
        Assert.Equal(expected, (await _desk.Get(id)).Status);
        var listed = await _desk.Auditors.ListApplicationsAsync(new ListApplicationsRequest { ApplicantId = applicant });
        Assert.Equal(expected, Assert.Single(listed.Applications).Status);
    }
}
