using Google.Protobuf;
using Grants.Contracts.V1;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>Money coming back on the statement (docs/FINANCE.md, matching rules): a clawback repaid in full is
/// recorded and needs no one's attention; a payment the bank returns un-pays the tranche and opens an item.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class FinanceCreditTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task GivenTheDemosOpenClawback_WhenTheStatementShowsItRepaid_ThenItIsRecoveredTheItemIsResolvedAndTheReportMovesItFromReceivableToRecovered()
    {
        var clawback = (await Applications(ApplicationStatus.ClawbackOpen))
            .SelectMany(a => a.Clawbacks).First(c => c.Status == ClawbackStatus.Open && c.OutstandingFen > 0);
        var before = await Report();
        var prefix = FinanceData.TransactionPrefix();
        var path = FinanceData.Statement(fixture, $"{prefix}.csv",
            $"{prefix}-1,{FinanceData.Today},\"追回款 {clawback.ClawbackId.ToLowerInvariant()}\",6222000011112222,{clawback.OutstandingFen},贷");

        var import = await fixture.Run("finance", "import", path, "--json");

        Assert.True(import.Code == ExitCodes.Ok, import.ToString());
        var response = JsonParser.Default.Parse<ImportStatementResponse>(import.Output);
        Assert.Equal((1, 1, 0, 0), (response.Lines, response.Repaid, response.Confirmed, response.Returned));
        Assert.Equal(ItemKind.ClawbackRepayment, Assert.Single(response.Outcomes).Kind);
        var after = await Report();
        Assert.Equal(before.Totals.RecoveredFen + clawback.OutstandingFen, after.Totals.RecoveredFen);
        Assert.Equal(before.Totals.ReceivableFen - clawback.OutstandingFen, after.Totals.ReceivableFen);
        Assert.True(after.TieOut.Ok);
        Assert.DoesNotContain(after.OpenItems, i => i.BankTransactionId == $"{prefix}-1");
        var items = JsonParser.Default.Parse<ListItemsResponse>((await fixture.Run("finance", "items", "--all", "--json")).Output);
        Assert.Equal((ItemKind.ClawbackRepayment, ItemStatus.Resolved), items.Items.Where(i => i.BankTransactionId == $"{prefix}-1").Select(i => (i.Kind, i.Status)).Single());
        var settled = (await Applications()).SelectMany(a => a.Clawbacks).Single(c => c.ClawbackId == clawback.ClawbackId);
        Assert.Equal((ClawbackStatus.Recovered, 0L), (settled.Status, settled.OutstandingFen));
    }

    [Fact]
    public async Task GivenAConfirmedPayment_WhenTheBankReturnsIt_ThenTheInstructionIsReturnedTheReportUnpaysItAndAnItemIsOpen()
    {
        var disbursing = (await Applications(ApplicationStatus.Disbursing)).Select(a => a.ApplicationId).ToHashSet();
        var paid = (await Instructions(InstructionStatus.Confirmed)).First(i => disbursing.Contains(i.ApplicationId));
        var before = await Report();
        var prefix = FinanceData.TransactionPrefix();
        var path = FinanceData.Statement(fixture, $"{prefix}.csv",
            $"{prefix}-1,{FinanceData.Today},退汇 {paid.Reference} 账户已销户,{paid.PayeeAccount},{paid.AmountFen},credit");

        var import = await fixture.Run("finance", "import", path);

        Assert.True(import.Code == ExitCodes.Ok, import.ToString());
        Assert.StartsWith($"{prefix}.csv: 1 lines; 0 payments confirmed, 1 returned, 0 clawback repayments, 1 items opened", import.Output, StringComparison.Ordinal);
        Assert.Matches($@"2\s+{prefix}-1\s+returned-payment", import.Output);
        var returned = (await Instructions(InstructionStatus.Returned)).Single(i => i.Reference == paid.Reference);
        Assert.Equal(FinanceData.Today, returned.ReturnedOn.ToIsoString());
        var after = await Report();
        Assert.Equal(before.Totals.PaidFen - paid.AmountFen, after.Totals.PaidFen);
        Assert.True(after.TieOut.Ok);
        Assert.Contains(after.OpenItems, i => i.BankTransactionId == $"{prefix}-1" && i.Kind == ItemKind.ReturnedPayment);
    }

    private async Task<GetReportResponse> Report() =>
        await fixture.Server.Client<ReconciliationService.ReconciliationServiceClient>("finance").GetReportAsync(new GetReportRequest());

    private Task<IReadOnlyList<Application>> Applications(params ApplicationStatus[] statuses) =>
        FinanceData.Applications(fixture, statuses);

    private async Task<IReadOnlyList<PaymentInstruction>> Instructions(InstructionStatus status) =>
        (await fixture.Server.Client<ReconciliationService.ReconciliationServiceClient>("finance")
            .ListInstructionsAsync(new ListInstructionsRequest { Status = status, PageSize = 200 })).Instructions;
}
