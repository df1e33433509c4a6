using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using Grants.Domain;
using Grpc.Core;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Clawbacks;

/// <summary>Clawbacks through the real server: who may order them, how much, and the three ways they settle.</summary>
public sealed class ClawbackTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private const long Award = 50_000_000;
    private const long ClawedBack = 10_000_000;

    private readonly GrantsDesk _desk = fixture.Desk;

    private async Task<(string Applicant, string Application)> PaidAward()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, Money.FromWan(200));
        var id = (await _desk.Approved(applicant, Award)).ApplicationId;
        await _desk.Paid(id, Award);
        return (applicant, id);
    }

    private static OrderClawbackRequest Order(string id, long amountFen, Officer? officer = null) => new()
    {
        RequestId = NewRequestId(), ApplicationId = id, AmountFen = amountFen, Reason = "relocated out of 黄浦区 within three years",
        Officer = officer ?? Officers.Inspector, OrderedOn = Officers.On(2025, 7, 1),
    };

    [Fact]
    public async Task Given_the_officer_who_approved_the_award_When_he_orders_its_clawback_Then_it_is_refused()
    {
        var (_, id) = await PaidAward();

        var violation = await Refusals.Precondition("STATE",
            () => _desk.ApproverClawbacks.OrderClawbackAsync(Order(id, ClawedBack, Officers.Approver)).ResponseAsync);

        Assert.Contains("clawback_by_approver", violation.Description);
    }

    [Fact]
    public async Task Given_500000_yuan_paid_When_600000_is_ordered_back_Then_what_was_paid_is_the_limit()
    {
        var (_, id) = await PaidAward();

        var violation = await Refusals.Precondition("LIMIT", () => _desk.Clawbacks.OrderClawbackAsync(Order(id, 60_000_000)).ResponseAsync);

        Assert.Equal($"{id} paid", violation.Subject);
    }

    [Fact]
    public async Task Given_an_open_clawback_When_more_than_outstanding_is_recovered_Then_the_clawback_is_the_limit()
    {
        var (_, id) = await PaidAward();
        var clawback = (await _desk.Clawbacks.OrderClawbackAsync(Order(id, ClawedBack))).Clawback;

        await Refusals.Precondition("LIMIT", () => _desk.Clawbacks.RecordRecoveryAsync(new RecordRecoveryRequest
        {
            RequestId = NewRequestId(), ClawbackId = clawback.ClawbackId, AmountFen = ClawedBack + 1,
            ReceivedOn = Officers.On(2025, 7, 10), TreasuryReference = "TR-R1",
        }).ResponseAsync);
    }

    [Fact]
    public async Task Given_part_of_a_clawback_repaid_When_the_rest_is_written_off_Then_it_is_settled_and_the_award_closes()
    {
        var (_, id) = await PaidAward();
        var clawback = (await _desk.Clawbacks.OrderClawbackAsync(Order(id, ClawedBack))).Clawback;
        await _desk.Clawbacks.RecordRecoveryAsync(new RecordRecoveryRequest
        {
            RequestId = NewRequestId(), ClawbackId = clawback.ClawbackId, AmountFen = 4_000_000,
            ReceivedOn = Officers.On(2025, 7, 10), TreasuryReference = "TR-R1",
        });

        var writtenOff = (await _desk.Clawbacks.WriteOffAsync(new WriteOffRequest
        {
            RequestId = NewRequestId(), ClawbackId = clawback.ClawbackId, Reason = "enterprise deregistered", Officer = Officers.Finance,
            WrittenOffOn = Officers.On(2025, 9, 1),
        })).Clawback;

        Assert.Equal((ClawbackStatus.WrittenOff, 4_000_000L, 6_000_000L, 0L),
            (writtenOff.Status, writtenOff.RepaidFen, writtenOff.WrittenOffFen, writtenOff.OutstandingFen));
        Assert.Equal(ApplicationStatus.Closed, (await _desk.Get(id)).Status);
    }

    [Fact]
    public async Task Given_a_clawback_and_a_later_tranche_to_the_same_beneficiary_When_offset_Then_the_treasury_pays_the_tranche_less_the_offset()
    {
        var (applicant, clawedBackApplication) = await PaidAward();
        var clawback = (await _desk.Clawbacks.OrderClawbackAsync(Order(clawedBackApplication, ClawedBack))).Clawback;
        var later = (await _desk.Approved(applicant, 30_000_000)).ApplicationId;
        var tranche = (await _desk.Treasury.InstructTrancheAsync(Instruction(later, 30_000_000, Officers.On(2025, 7, 5)))).Tranche;
        var before = await _desk.Ledger(Officers.Ipo, 2025, Art1);

        var offset = (await _desk.Clawbacks.OffsetClawbackAsync(new OffsetClawbackRequest
        {
            RequestId = NewRequestId(), ClawbackId = clawback.ClawbackId, PaymentReference = tranche.PaymentReference,
            AmountFen = ClawedBack, Officer = Officers.Finance, OffsetOn = Officers.On(2025, 7, 6),
        })).Clawback;

        Assert.Equal((ClawbackStatus.Recovered, ClawedBack), (offset.Status, offset.OffsetFen));
        Assert.Equal(ApplicationStatus.Closed, (await _desk.Get(clawedBackApplication)).Status);
        Assert.Equal(ClawedBack, Assert.Single((await _desk.Get(later)).Tranches).OffsetFen);
        Assert.Equal(before.Recovered + ClawedBack, (await _desk.Ledger(Officers.Ipo, 2025, Art1)).Recovered);

        await Refusals.Expect(StatusCode.InvalidArgument, () => Confirm(tranche.PaymentReference, 30_000_000).ResponseAsync);
        var paid = (await Confirm(tranche.PaymentReference, 30_000_000 - ClawedBack)).Tranche;
        Assert.Equal((TrancheStatus.Paid, ClawedBack), (paid.Status, paid.OffsetFen));
    }

    [Fact]
    public async Task Given_a_tranche_already_paid_When_a_clawback_is_offset_against_it_Then_it_is_refused()
    {
        var (applicant, clawedBackApplication) = await PaidAward();
        var clawback = (await _desk.Clawbacks.OrderClawbackAsync(Order(clawedBackApplication, ClawedBack))).Clawback;
        var later = (await _desk.Approved(applicant, 30_000_000)).ApplicationId;
        var paid = await _desk.Paid(later, 30_000_000);

        await Refusals.Precondition("STATE", () => _desk.Clawbacks.OffsetClawbackAsync(new OffsetClawbackRequest
        {
            RequestId = NewRequestId(), ClawbackId = clawback.ClawbackId, PaymentReference = paid.PaymentReference,
            AmountFen = ClawedBack, Officer = Officers.Finance, OffsetOn = Officers.On(2025, 7, 6),
        }).ResponseAsync);
    }

    [Fact]
    public async Task Given_a_clawback_id_the_server_never_issued_When_recovering_Then_it_is_not_found()
    {
        var (_, id) = await PaidAward();

        foreach (var clawback in new[] { id + "-C7", "CLB-UNKNOWN" })
            await Refusals.Expect(StatusCode.NotFound, () => _desk.Clawbacks.RecordRecoveryAsync(new RecordRecoveryRequest
            {
                RequestId = NewRequestId(), ClawbackId = clawback, AmountFen = 1, ReceivedOn = Officers.On(2025, 7, 10), TreasuryReference = "TR",
            }).ResponseAsync);
    }

    private AsyncUnaryCall<ConfirmPaymentResponse> Confirm(string reference, long amountFen) =>
        _desk.Treasury.ConfirmPaymentAsync(new ConfirmPaymentRequest
        {
            RequestId = NewRequestId(), PaymentReference = reference, AmountFen = amountFen, PaidOn = Officers.On(2025, 7, 8),
            TreasuryReference = "TR-OFFSET-1",
        });
}
