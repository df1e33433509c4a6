using Grants.Api.Tests.Finance.Support;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Tests.Finance;

/// <summary>Issue 6 acceptance: a generated month of more than a thousand payments with every kind of exception
/// seeded, imported as one statement through the real server.</summary>
public sealed class StatementMonthTests(MonthFixture fixture) : IClassFixture<MonthFixture>
{
    private PaymentMonth Month => fixture.Month;

    [Fact]
    public void GivenAMonthWithEveryException_WhenItsStatementIsImported_ThenEachLineIsClassifiedAsSeeded()
    {
        var outcomes = fixture.FirstImport.Outcomes.ToDictionary(o => o.BankTransactionId);

        Assert.Equal(Month.Statement.Count, outcomes.Count);
        Assert.All(Month.Expected, expected => Assert.Equal(expected.Value, outcomes[expected.Key].Kind));
        Assert.All(Month.DuplicatePairs, pair => Assert.Equal(
            [ItemKind.Confirmed, ItemKind.DuplicatePayment],
            new[] { outcomes[pair.First].Kind, outcomes[pair.Second].Kind }.Order()));
        Assert.All(outcomes.Values, o => Assert.False(o.AlreadyImported));
    }

    [Fact]
    public void GivenTheImport_WhenCounted_ThenOverAThousandPaymentsAreConfirmedAndEveryOtherLineIsAnItem()
    {
        var response = fixture.FirstImport;
        var confirmed = Month.Exact.Count() + Month.PaidTwice.Count();

        Assert.True(confirmed >= 1_000);
        Assert.Equal(confirmed, response.Confirmed);
        Assert.Equal(Month.Returned.Count(), response.Returned);
        Assert.Equal(5, response.Repaid);
        Assert.Equal(response.Lines - response.Confirmed - response.Repaid, response.ItemsOpened);
        Assert.True(response.HistoryPosition > 0);
    }

    [Fact]
    public async Task GivenTheImportedMonth_WhenListingOpenItems_ThenEveryExceptionIsThereWithItsKindAndNoAccountInClear()
    {
        var items = await AllOpenItems();

        var expectedOpen = Month.Expected.Where(e => e.Value is not (ItemKind.Confirmed or ItemKind.ClawbackRepayment))
            .Select(e => (e.Key, e.Value))
            .Concat(fixture.FirstImport.Outcomes.Where(o => o.Kind == ItemKind.DuplicatePayment).Select(o => (Key: o.BankTransactionId, Value: o.Kind)))
            .Order();
        Assert.Equal(expectedOpen, items.Select(i => (i.BankTransactionId, i.Kind)).Order());
        Assert.All(items, i => Assert.StartsWith("***", i.CounterpartyAccountMasked, StringComparison.Ordinal));
        Assert.All(items.Where(i => i.Kind == ItemKind.WrongAccount), i => Assert.Contains("instructed to ***", i.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivenTheImportedMonth_WhenListingPendingInstructions_ThenExactlyTheUnsettledTranchesRemain()
    {
        var pending = await AllInstructions(InstructionStatus.Pending, fixture.Finance);

        var unsettled = Month.Held.Concat(Month.Mismatched).Concat(Month.MisDirected).Concat(Month.Unpaid).Select(p => p.Reference);
        Assert.Equal(unsettled.Order(StringComparer.Ordinal), pending.Select(i => i.Reference).Order(StringComparer.Ordinal));
        var payment = Month.Unpaid.First();
        var listed = pending.Single(i => i.Reference == payment.Reference);
        Assert.Equal((payment.Account, payment.Payee, payment.Amount.Fen, payment.Amount.Fen), (listed.PayeeAccount, listed.PayeeName, listed.AmountFen, listed.PayableFen));
        Assert.Equal("***************" + payment.Account[^4..], listed.PayeeAccountMasked);
    }

    [Fact]
    public async Task GivenTheImportedMonth_WhenAnAuditorListsInstructions_ThenAccountsAreMaskedOnly()
    {
        var confirmed = await AllInstructions(InstructionStatus.Confirmed, fixture.Auditor);

        Assert.Equal(Month.Exact.Count() + Month.PaidTwice.Count() + Month.ClawedBack.Count(), confirmed.Count);
        Assert.All(confirmed, i => Assert.Equal("", i.PayeeAccount));
        Assert.Contains(confirmed, i => i.TreasuryReference.StartsWith("ICBC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivenTheImportedMonth_WhenReported_ThenTheTotalsTieOutToTheEventsAndToTheSeed()
    {
        var report = await fixture.Auditor.GetReportAsync(new GetReportRequest { FiscalYear = 2025 });

        Assert.True(report.TieOut.Ok, string.Join("; ", report.TieOut.Differences));
        Assert.True(report.TieOut.EventsRead > 2 * Month.Payments.Count + 1_000, "approvals, instructions and confirmations were all read");
        Assert.Equal(["HP-IPO", "HP-STC"], report.Lines.Select(l => l.BureauCode));
        var paid = Month.Exact.Concat(Month.PaidTwice).Concat(Month.ClawedBack).Sum(p => p.Amount.Fen);
        var pending = Month.Held.Concat(Month.Mismatched).Concat(Month.MisDirected).Concat(Month.Unpaid).Sum(p => p.Amount.Fen);
        var repaid = Month.ClawedBack.Take(5).Select((p, i) => PaymentMonth.RepaymentOf(p, i).Fen).Sum();
        var ordered = Month.ClawedBack.Sum(p => PaymentMonth.ClawbackOf(p).Fen);
        var totals = report.Totals;
        Assert.Equal((paid, pending, repaid, ordered - repaid), (totals.PaidFen, totals.InstructedFen, totals.RecoveredFen, totals.ReceivableFen));
        Assert.Equal(totals.CommittedFen - totals.InstructedFen, totals.OutstandingFen);
        Assert.True(totals.OutstandingFen > 0, "every seventh award was instructed only in part");
        Assert.Equal(totals.AppropriatedFen - totals.CommittedFen - totals.PaidFen, totals.AvailableFen);
        Assert.Equal(fixture.FirstImport.ItemsOpened, report.OpenItems.Count);
        Assert.True(report.HistoryPosition >= fixture.FirstImport.HistoryPosition);
    }

    [Fact]
    public async Task GivenTheImportedMonth_WhenTheSameStatementIsImportedAgain_ThenNothingChanges()
    {
        var before = (await fixture.Store.Head()).Position;

        var again = await Statements.Import(fixture.Finance, "icbc-2025-04.csv (again)", Month.Statement);

        Assert.Equal((await fixture.Store.Head()).Position, before);
        Assert.Equal((again.Lines, 0, 0), (again.AlreadyImported, again.Confirmed, again.ItemsOpened));
        Assert.Equal(fixture.FirstImport.Outcomes.Select(o => (o.BankTransactionId, o.Kind)),
            again.Outcomes.Select(o => (o.BankTransactionId, o.Kind)));
    }

    [Fact]
    public async Task GivenAStatementWithOneMalformedLine_WhenImported_ThenNothingIsAppliedAndTheLineIsNamed()
    {
        var before = (await fixture.Store.Head()).Position;
        var unpaid = Month.Unpaid.Take(3).ToList();
        var lines = unpaid.Select((p, i) => Statements.Line($"BOC-{i}", new DateOnly(2025, 4, 30), p.Reference, p.Account, p.Amount.Fen)).ToList();
        lines.Insert(2, Statements.Line("BOC-X", new DateOnly(2025, 4, 30), Month.Unpaid.Last().Reference, Month.Unpaid.Last().Account, 0));

        var refused = await Assert.ThrowsAsync<RpcException>(() => Statements.Import(fixture.Finance, "boc.csv", Statements.NumberedAsInAFile(lines)));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("line 4.amount_fen", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("positive", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, (await fixture.Store.Head()).Position);
        var pending = await AllInstructions(InstructionStatus.Pending, fixture.Finance);
        Assert.All(unpaid, p => Assert.Contains(pending, i => i.Reference == p.Reference));
    }

    private async Task<List<ReconciliationItem>> AllOpenItems()
    {
        var items = new List<ReconciliationItem>();
        var request = new ListItemsRequest { Status = ItemStatus.Open, PageSize = 200 };
        do
        {
            var page = await fixture.Auditor.ListItemsAsync(request);
            items.AddRange(page.Items);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return items;
    }

    private static async Task<List<PaymentInstruction>> AllInstructions(InstructionStatus status, ReconciliationService.ReconciliationServiceClient client)
    {
        var all = new List<PaymentInstruction>();
        var request = new ListInstructionsRequest { Status = status, PageSize = 200 };
        do
        {
            var page = await client.ListInstructionsAsync(request);
            all.AddRange(page.Instructions);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return all;
    }
}
