using Google.Protobuf;
using Grants.Contracts.V1;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>`grants finance import`, `items` and `resolve` for statement lines that do not simply confirm a payment:
/// each becomes an open item of its kind, and a finance officer closes it with a note.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class FinanceItemsTests(DemoServerFixture fixture)
{
    private const string Account = "6222020200112233";

    [Fact]
    public async Task GivenAStatementOfLinesThatMatchNoPaymentExactly_WhenImported_ThenEachIsAnOpenItemOfItsKindAndTheInstructionStaysPending()
    {
        var tranche = await FinanceData.Instruct(fixture, 250_000, Account);
        var alreadyPaid = (await Instructions(InstructionStatus.Confirmed))[0];
        var prefix = FinanceData.TransactionPrefix();
        var today = FinanceData.Today;
        var path = FinanceData.Statement(fixture, $"{prefix}.csv",
            $"{prefix}-1,{today},{tranche.PaymentReference},{Account},250001,debit",
            $"{prefix}-2,{today},{tranche.PaymentReference},6222020299999999,250000,debit",
            $"{prefix}-3,{today},{alreadyPaid.Reference},{alreadyPaid.PayeeAccount},{alreadyPaid.PayableFen},debit",
            $"{prefix}-4,{today},货款 无编号,,12345,credit");

        var import = await fixture.Run("finance", "import", path);

        Assert.True(import.Code == ExitCodes.Ok, import.ToString());
        Assert.StartsWith($"{prefix}.csv: 4 lines; 0 payments confirmed, 0 returned, 0 clawback repayments, 4 items opened, 0 imported before",
            import.Output, StringComparison.Ordinal);
        var expected = new Dictionary<string, ItemKind>
        {
            [$"{prefix}-1"] = ItemKind.AmountMismatch,
            [$"{prefix}-2"] = ItemKind.WrongAccount,
            [$"{prefix}-3"] = ItemKind.DuplicatePayment,
            [$"{prefix}-4"] = ItemKind.UnknownReference,
        };
        var open = (await Items("finance", "items", "--json")).Where(i => i.BankTransactionId.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal(expected.OrderBy(e => e.Key), open.Select(i => KeyValuePair.Create(i.BankTransactionId, i.Kind)).OrderBy(e => e.Key));
        Assert.All(open, i => Assert.Equal(ItemStatus.Open, i.Status));
        // The item table names each line's kind as the documentation does.
        var table = await fixture.Run("finance", "items");
        Assert.Matches($@"{prefix}-2\s+{today}\s+wrong-account\s+open", table.Output);
        Assert.Matches($@"{prefix}-4\s+{today}\s+unknown-reference\s+open", table.Output);
        // A kind filter lists that kind only.
        var wrongAccount = await Items("finance", "items", "--kind", "wrong-account", "--json");
        Assert.All(wrongAccount, i => Assert.Equal(ItemKind.WrongAccount, i.Kind));
        Assert.Contains(wrongAccount, i => i.BankTransactionId == $"{prefix}-2");
        // Nothing was paid: the instruction is still pending, the paid one still paid once.
        var pending = await Instructions(InstructionStatus.Pending);
        Assert.Contains(pending, i => i.Reference == tranche.PaymentReference);
        Assert.Equal(alreadyPaid.TreasuryReference, (await Instructions(InstructionStatus.Confirmed)).Single(i => i.Reference == alreadyPaid.Reference).TreasuryReference);
    }

    [Fact]
    public async Task GivenAnOpenItem_WhenResolvedWithANote_ThenItLeavesTheOpenListAndTheReportAndAllListsItResolvedWithTheNote()
    {
        var prefix = FinanceData.TransactionPrefix();
        var path = FinanceData.Statement(fixture, $"{prefix}.csv",
            $"{prefix}-1,{FinanceData.Today},退款 无编号,,4200,credit",
            $"{prefix}-2,{FinanceData.Today},退款 无编号,,4300,credit");
        Assert.Equal(ExitCodes.Ok, (await fixture.Run("finance", "import", path)).Code);
        var txn = $"{prefix}-1";

        var resolve = await fixture.Run("finance", "resolve", txn, "--note", "银行确认为误入账，已退回付款方", "--officer", "hp-stc.li.na",
            "--officer-bureau", "HP-STC", "--on", FinanceData.Today, "--json");

        Assert.True(resolve.Code == ExitCodes.Ok, resolve.ToString());
        var resolved = JsonParser.Default.Parse<ResolveItemResponse>(resolve.Output).Item;
        Assert.Equal((txn, ItemStatus.Resolved, "银行确认为误入账，已退回付款方"), (resolved.BankTransactionId, resolved.Status, resolved.Resolution));
        Assert.Contains("hp-stc.li.na", resolved.ResolvedBy, StringComparison.Ordinal);
        var open = await Items("finance", "items", "--json");
        Assert.DoesNotContain(open, i => i.BankTransactionId == txn);
        Assert.Contains(open, i => i.BankTransactionId == $"{prefix}-2");
        var all = await Items("finance", "items", "--all", "--json");
        Assert.Equal(ItemStatus.Resolved, all.Single(i => i.BankTransactionId == txn).Status);
        var report = JsonParser.Default.Parse<GetReportResponse>((await fixture.Run("finance", "report", "--json")).Output);
        Assert.DoesNotContain(report.OpenItems, i => i.BankTransactionId == txn);
        Assert.Contains(report.OpenItems, i => i.BankTransactionId == $"{prefix}-2");

        // Closing it a second time is refused, naming why; so is closing an item that does not exist.
        var twice = await fixture.Run("finance", "resolve", txn, "--note", "again", "--officer", "hp-stc.li.na", "--officer-bureau", "HP-STC");
        var unknown = await fixture.Run("finance", "resolve", $"{prefix}-9", "--note", "n", "--officer", "hp-stc.li.na", "--officer-bureau", "HP-STC");

        Assert.True(twice.Code == ExitCodes.Refused, twice.ToString());
        Assert.StartsWith("grants: FAILED_PRECONDITION", twice.Error, StringComparison.Ordinal);
        Assert.True(unknown.Code == ExitCodes.Refused, unknown.ToString());
        Assert.StartsWith("grants: NOT_FOUND", unknown.Error, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<ReconciliationItem>> Items(params string[] args)
    {
        var run = await fixture.Run(args);
        Assert.True(run.Code == ExitCodes.Ok, run.ToString());
        return JsonParser.Default.Parse<ListItemsResponse>(run.Output).Items;
    }

    private async Task<IReadOnlyList<PaymentInstruction>> Instructions(InstructionStatus status) =>
        (await fixture.Server.Client<ReconciliationService.ReconciliationServiceClient>("finance")
            .ListInstructionsAsync(new ListInstructionsRequest { Status = status, PageSize = 200 })).Instructions;
}
