using Grants.Contracts.V1;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>`grants finance import` refuses a statement it cannot read whole: exit code 2, every bad line named, and
/// nothing sent, so no payment is confirmed and no event is written.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class FinanceBadStatementTests(DemoServerFixture fixture)
{
    [Fact]
    public async Task GivenNoSuchFile_WhenImported_ThenUsageExitNamingTheFileAndNothingWritten()
    {
        var path = fixture.PathOf("no-such-statement.csv");
        var head = await Head();

        var import = await fixture.Run("finance", "import", path);

        Assert.True(import.Code == ExitCodes.Usage, import.ToString());
        Assert.Equal($"grants: {path}: no such file", import.Error.TrimEnd());
        Assert.Equal("", import.Output);
        Assert.Equal(head, await Head());
    }

    [Fact]
    public async Task GivenAStatementWithOneGoodPaymentAndMalformedLines_WhenImported_ThenUsageExitNamingEachBadLineAndThePaymentIsNotConfirmed()
    {
        const string account = "6222020200445566";
        var tranche = await FinanceData.Instruct(fixture, 180_000, account);
        var prefix = FinanceData.TransactionPrefix();
        var today = FinanceData.Today;
        var path = FinanceData.Statement(fixture, $"{prefix}.csv",
            $"{prefix}-1,{today},{tranche.PaymentReference},{account},180000,debit",
            $"{prefix}-2,{today},{tranche.PaymentReference},{account},1800.00,debit",
            $"{prefix}-3,{today},{tranche.PaymentReference},{account}",
            $"{prefix}-4,{today}x,{tranche.PaymentReference},{account},180000,sideways",
            $"{prefix}-1,{today},{tranche.PaymentReference},{account},180000,debit");
        var head = await Head();

        var import = await fixture.Run("finance", "import", path);

        Assert.True(import.Code == ExitCodes.Usage, import.ToString());
        string[] expected =
        [
            $"grants: {path}: nothing imported, 5 problem(s):",
            $"  {path} line 3: amount_fen '1800.00' must be a positive whole number of fen (12.50 yuan is 1250)",
            $"  {path} line 4: has another number of fields than the header",
            $"  {path} line 5: value_date '{today}x' is not a date YYYY-MM-DD",
            $"  {path} line 5: direction 'sideways' must be debit or credit",
            $"  {path} line 6: bank_transaction_id {prefix}-1 is already on line 2",
        ];
        Assert.Equal(expected, import.Error.TrimEnd().Split(Environment.NewLine));
        Assert.Equal("", import.Output);
        Assert.Equal(head, await Head());
        var pending = await fixture.Server.Client<ReconciliationService.ReconciliationServiceClient>("finance")
            .ListInstructionsAsync(new ListInstructionsRequest { Status = InstructionStatus.Pending, PageSize = 200 });
        Assert.Contains(pending.Instructions, i => i.Reference == tranche.PaymentReference);
    }

    [Fact]
    public async Task GivenAStatementWithoutTheDirectionColumn_WhenImported_ThenUsageExitNamingTheMissingColumnAndNothingWritten()
    {
        var path = fixture.PathOf("no-direction.csv");
        await File.WriteAllTextAsync(path, "bank_transaction_id,value_date,reference,counterparty_account,amount_fen\nB-1,2026-01-05,X,,100\n");
        var head = await Head();

        var import = await fixture.Run("finance", "import", path);

        Assert.True(import.Code == ExitCodes.Usage, import.ToString());
        Assert.Equal($"grants: {path} line 1: missing column(s) direction; the header must name " +
                     "bank_transaction_id,value_date,reference,counterparty_account,amount_fen,direction", import.Error.TrimEnd());
        Assert.Equal(head, await Head());
    }

    private async Task<long> Head() =>
        (await fixture.Server.Client<AuditService.AuditServiceClient>("auditor").GetDigestAsync(new GetDigestRequest())).Position;
}
