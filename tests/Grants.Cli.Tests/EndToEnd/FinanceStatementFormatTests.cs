using System.Text;
using Grants.Contracts.V1;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>Statement files as banks write them, within what docs/FINANCE.md accepts: columns in any order and
/// letter case with surrounding spaces, extra columns, 借/贷 for the direction, quoted remittance text with commas; and
/// a bank transaction id sent again with other figures, which only the server can see and refuses whole.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class FinanceStatementFormatTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task GivenColumnsInAnotherOrderAndCaseWithAnExtraColumnAndChineseDirections_WhenImported_ThenThePaymentIsConfirmedAndTheCreditIsAnItem()
    {
        const string account = "6222020200778899";
        var tranche = await FinanceData.Instruct(fixture, 120_000, account);
        var prefix = FinanceData.TransactionPrefix();
        var today = FinanceData.Today;
        var path = fixture.PathOf($"{prefix}.csv");
        await File.WriteAllTextAsync(path,
            " Amount_FEN , Direction ,Bank_Transaction_ID,Value_Date,Balance,Reference,Counterparty_Account\n" +
            $"120000,借,{prefix}-1,{today},999,\"付款, {tranche.PaymentReference}, 第一笔\",{account}\n" +
            $"5000,贷,{prefix}-2,{today},999,利息,\n", new UTF8Encoding(false));

        var import = await fixture.Run("finance", "import", path);

        Assert.True(import.Code == ExitCodes.Ok, import.ToString());
        Assert.StartsWith($"{prefix}.csv: 2 lines; 1 payments confirmed, 0 returned, 0 clawback repayments, 1 items opened, 0 imported before",
            import.Output, StringComparison.Ordinal);
        var confirmed = await Instruction(tranche.PaymentReference);
        Assert.Equal((InstructionStatus.Confirmed, $"{prefix}-1"), (confirmed.Status, confirmed.TreasuryReference));
    }

    [Fact]
    public async Task GivenAStatementSavedWithAByteOrderMark_WhenImported_ThenTheHeaderIsReadAndThePaymentConfirmed()
    {
        const string account = "6222020200778800";
        var tranche = await FinanceData.Instruct(fixture, 110_000, account);
        var prefix = FinanceData.TransactionPrefix();
        var path = fixture.PathOf($"{prefix}.csv");
        // Spreadsheet programs save "CSV UTF-8" with a byte order mark before the first column's name.
        await File.WriteAllTextAsync(path, FinanceData.StatementHeader + "\n" +
            $"{prefix}-1,{FinanceData.Today},{tranche.PaymentReference},{account},110000,debit\n", new UTF8Encoding(true));

        var import = await fixture.Run("finance", "import", path);

        Assert.True(import.Code == ExitCodes.Ok, import.ToString());
        Assert.Equal(InstructionStatus.Confirmed, (await Instruction(tranche.PaymentReference)).Status);
    }

    [Fact]
    public async Task GivenABankTransactionImportedBefore_WhenAStatementRepeatsItWithAnotherAmount_ThenTheServerRefusesTheWholeFileNamingTheLineAndNothingIsApplied()
    {
        var prefix = FinanceData.TransactionPrefix();
        var today = FinanceData.Today;
        var first = FinanceData.Statement(fixture, $"{prefix}-a.csv", $"{prefix}-1,{today},无编号,,7000,credit");
        Assert.Equal(ExitCodes.Ok, (await fixture.Run("finance", "import", first)).Code);
        var changed = FinanceData.Statement(fixture, $"{prefix}-b.csv",
            $"{prefix}-2,{today},无编号,,8000,credit",
            $"{prefix}-1,{today},无编号,,7100,credit");
        var head = await Head();

        var import = await fixture.Run("finance", "import", changed);

        Assert.True(import.Code == ExitCodes.Refused, import.ToString());
        Assert.Equal($"grants: INVALID_ARGUMENT: line 3.bank_transaction_id: {prefix}-1 was imported before " +
                     $"(statement {prefix}-a.csv line 2) with other figures", import.Error.TrimEnd());
        Assert.Equal("", import.Output);
        Assert.Equal(head, await Head());
    }

    private async Task<PaymentInstruction> Instruction(string reference) =>
        (await fixture.Server.Client<ReconciliationService.ReconciliationServiceClient>("finance")
            .ListInstructionsAsync(new ListInstructionsRequest { PageSize = 200 })).Instructions.Single(i => i.Reference == reference);

    private async Task<long> Head() =>
        (await fixture.Server.Client<AuditService.AuditServiceClient>("auditor").GetDigestAsync(new GetDigestRequest())).Position;
}
