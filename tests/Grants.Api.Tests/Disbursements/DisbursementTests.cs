using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using Grants.Domain;
using Grpc.Core;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Disbursements;

/// <summary>Tranches, holds and the treasury's answers, through the real server, with the budget line checked.</summary>
public sealed class DisbursementTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private const long Award = 50_000_000;

    private readonly GrantsDesk _desk = fixture.Desk;

    private async Task<string> ApprovedAward()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, Money.FromWan(100));
        return (await _desk.Approved(applicant, Award)).ApplicationId;
    }

    [Fact]
    public async Task Given_payments_on_hold_When_a_tranche_is_instructed_Then_it_waits_until_the_hold_is_released()
    {
        var id = await ApprovedAward();
        var hold = (await _desk.Treasury.HoldPaymentsAsync(new HoldPaymentsRequest
        {
            RequestId = NewRequestId(), ApplicationId = id, Reason = "audit query 2025-17", Officer = Officers.Finance,
        })).Hold;
        Assert.Equal((true, "audit query 2025-17", Officers.Finance), (hold.OnHold, hold.Reason, hold.Officer));

        var refused = await Refusals.Precondition("STATE", () => _desk.Treasury.InstructTrancheAsync(Instruction(id, Award)).ResponseAsync);
        Assert.Contains("payments_on_hold", refused.Description);

        var released = (await _desk.Treasury.ReleasePaymentsAsync(new ReleasePaymentsRequest
        {
            RequestId = NewRequestId(), ApplicationId = id, Reason = "query answered", Officer = Officers.Finance,
        })).Hold;
        Assert.False(released.OnHold);
        Assert.Equal(TrancheStatus.Instructed, (await _desk.Treasury.InstructTrancheAsync(Instruction(id, Award))).Tranche.Status);
    }

    [Fact]
    public async Task Given_an_award_of_500000_yuan_When_a_tranche_of_600000_is_instructed_Then_the_award_is_the_limit()
    {
        var id = await ApprovedAward();

        var violation = await Refusals.Precondition("LIMIT",
            () => _desk.Treasury.InstructTrancheAsync(Instruction(id, 60_000_000)).ResponseAsync);

        Assert.Equal($"{id} award", violation.Subject);
        Assert.Contains("headroom 500,000.00", violation.Description);
    }

    [Fact]
    public async Task Given_two_tranches_When_the_treasury_confirms_them_Then_the_budget_line_moves_from_committed_to_paid()
    {
        var id = await ApprovedAward();
        var before = await _desk.Ledger(Officers.Ipo, 2025, Art1);

        await _desk.Paid(id, 20_000_000);
        Assert.Equal(ApplicationStatus.Disbursing, (await _desk.Get(id)).Status);
        await _desk.Paid(id, 30_000_000);

        var after = await _desk.Ledger(Officers.Ipo, 2025, Art1);
        Assert.Equal((before.Committed - Award, before.Paid + Award), (after.Committed, after.Paid));
        var application = await _desk.Get(id);
        Assert.Equal((ApplicationStatus.Paid, Award), (application.Status, application.PaidFen));
        Assert.Equal([id + "-T1", id + "-T2"], application.Tranches.Select(t => t.PaymentReference));
    }

    [Fact]
    public async Task Given_an_instructed_tranche_When_the_treasury_reports_another_amount_Then_it_is_refused_and_nothing_is_written()
    {
        var id = await ApprovedAward();
        var tranche = (await _desk.Treasury.InstructTrancheAsync(Instruction(id, Award))).Tranche;
        var events = await _desk.EventCount();

        var fields = await Refusals.InvalidFields(() => _desk.Treasury.ConfirmPaymentAsync(new ConfirmPaymentRequest
        {
            RequestId = NewRequestId(), PaymentReference = tranche.PaymentReference, AmountFen = Award - 1,
            PaidOn = Officers.On(2025, 6, 6), TreasuryReference = "TR-1",
        }).ResponseAsync);

        Assert.Equal(["amount_fen"], fields);
        Assert.Equal(events, await _desk.EventCount());
    }

    [Fact]
    public async Task Given_a_paid_tranche_When_the_money_comes_back_Then_it_is_returned_and_committed_again()
    {
        var id = await ApprovedAward();
        var paid = await _desk.Paid(id, Award);
        var before = await _desk.Ledger(Officers.Ipo, 2025, Art1);

        var returned = (await _desk.Treasury.RecordReturnAsync(new RecordReturnRequest
        {
            RequestId = NewRequestId(), PaymentReference = paid.PaymentReference, AmountFen = Award,
            ReturnedOn = Officers.On(2025, 6, 9), Reason = "account closed",
        })).Tranche;

        Assert.Equal((TrancheStatus.Returned, Award), (returned.Status, returned.ReturnedFen));
        var after = await _desk.Ledger(Officers.Ipo, 2025, Art1);
        Assert.Equal((before.Committed + Award, before.Paid - Award), (after.Committed, after.Paid));
        Assert.Equal((ApplicationStatus.Disbursing, 0L), ((await _desk.Get(id)).Status, (await _desk.Get(id)).PaidFen));
    }

    [Fact]
    public async Task Given_an_applicant_flagged_after_approval_When_a_tranche_is_instructed_Then_nothing_is_paid()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, Money.FromWan(100));
        var id = (await _desk.Approved(applicant, Award)).ApplicationId;
        await _desk.Flag(applicant);

        var violation = await Refusals.Precondition("STATE", () => _desk.Treasury.InstructTrancheAsync(Instruction(id, Award)).ResponseAsync);

        Assert.Contains("applicant_credit_flagged", violation.Description);
        Assert.Empty((await _desk.Get(id)).Tranches);
    }

    [Fact]
    public async Task Given_a_payment_reference_the_server_never_issued_When_confirming_it_Then_it_is_not_found()
    {
        var id = await ApprovedAward();

        foreach (var reference in new[] { id + "-T9", "PAY-UNKNOWN" })
            await Refusals.Expect(StatusCode.NotFound, () => _desk.Treasury.ConfirmPaymentAsync(new ConfirmPaymentRequest
            {
                RequestId = NewRequestId(), PaymentReference = reference, AmountFen = Award, PaidOn = Officers.On(2025, 6, 6),
                TreasuryReference = "TR-1",
            }).ResponseAsync);
    }
}
