using Google.Protobuf;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>`grants finance instructions --csv`, `import` and `report` the way docs/FINANCE.md has finance staff use
/// them: export the pending instructions for the treasury, import the bank's statement of what it paid, and see the
/// report move and still tie out to the events.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class FinanceStatementTests(DemoServerFixture fixture)
{
    private static readonly string[] InstructionColumns =
    [
        "reference", "application_id", "tranche_number", "payee_name", "payee_account", "amount_fen", "offset_fen", "payable_fen",
        "paying_bureau", "fiscal_year", "measure_id", "status", "instructed_on", "paid_on", "treasury_reference",
    ];

    [Fact]
    public async Task GivenThePendingInstructionsExported_WhenTheBankStatementOfThosePaymentsIsImported_ThenEachIsConfirmedOnceAndTheReportMovesThemFromInstructedToPaid()
    {
        var export = await fixture.Run("finance", "instructions", "--status", "pending", "--csv");
        Assert.True(export.Code == ExitCodes.Ok, export.ToString());
        Assert.StartsWith(string.Join(",", InstructionColumns) + "\n", export.Output, StringComparison.Ordinal);
        var pending = FinanceData.ReadCsv(export.Output);
        var listed = await Instructions(InstructionStatus.Pending);
        // The demo's "instructed" path leaves one; the export has every pending instruction, with the full account.
        Assert.NotEmpty(pending);
        Assert.Equal(listed.Select(i => (i.Reference, i.PayeeAccount, i.PayableFen.ToString(), "pending")),
            pending.Select(r => (r["reference"], r["payee_account"], r["payable_fen"], r["status"])));
        Assert.All(listed, i => Assert.Matches("^[0-9]{8,}$", i.PayeeAccount));
        var before = await Report();

        // The bank's statement: what the treasury paid of that export, accounts written in groups of four as banks do.
        var prefix = FinanceData.TransactionPrefix();
        var paid = pending.Select((r, n) => (Txn: $"{prefix}-{n + 1}", Row: r)).ToList();
        var path = FinanceData.Statement(fixture, $"{prefix}.csv",
            [.. paid.Select(p => $"{p.Txn},{p.Row["instructed_on"]},\"代付 {p.Row["reference"]}\",{Grouped(p.Row["payee_account"])},{p.Row["payable_fen"]},debit")]);

        var import = await fixture.Run("finance", "import", path);
        var head = await Head();

        Assert.True(import.Code == ExitCodes.Ok, import.ToString());
        Assert.StartsWith($"{prefix}.csv: {paid.Count} lines; {paid.Count} payments confirmed, 0 returned, 0 clawback repayments, " +
                          $"0 items opened, 0 imported before (history position {head})", import.Output, StringComparison.Ordinal);
        Assert.Empty(await Instructions(InstructionStatus.Pending));
        var confirmed = (await Instructions(InstructionStatus.Confirmed)).ToDictionary(i => i.Reference);
        foreach (var (txn, row) in paid)
        {
            // The bank transaction id becomes the treasury reference; the value date the day paid.
            Assert.Equal(txn, confirmed[row["reference"]].TreasuryReference);
            Assert.Equal(row["instructed_on"], Dates.Of(confirmed[row["reference"]].PaidOn));
        }
        var after = await Report();
        var sum = paid.Sum(p => long.Parse(p.Row["payable_fen"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, after.Totals.InstructedFen);
        Assert.Equal(before.Totals.InstructedFen - sum, after.Totals.InstructedFen);
        Assert.Equal(before.Totals.PaidFen + sum, after.Totals.PaidFen);
        Assert.Equal(before.Totals.CommittedFen - sum, after.Totals.CommittedFen);
        Assert.True(after.TieOut.Ok);

        // The same statement again (a re-sent file): every line was imported before, nothing changes.
        var again = await fixture.Run("finance", "import", path);

        Assert.True(again.Code == ExitCodes.Ok, again.ToString());
        Assert.StartsWith($"{prefix}.csv: {paid.Count} lines; 0 payments confirmed, 0 returned, 0 clawback repayments, " +
                          $"0 items opened, {paid.Count} imported before", again.Output, StringComparison.Ordinal);
        Assert.Equal(head, await Head());
    }

    [Fact]
    public async Task GivenTheDemoBooks_WhenTheReportIsPrinted_ThenItsTotalsAreTheSumOfItsLinesAndOfTheLiveLedgersAndTheTieOutIsOk()
    {
        var json = await fixture.Run("finance", "report", "--json");
        var csv = await fixture.Run("finance", "report", "--csv");
        var text = await fixture.Run("finance", "report");
        var ledgers = await fixture.Server.Client<BudgetService.BudgetServiceClient>("auditor").ListLedgersAsync(new ListLedgersRequest { PageSize = 200 });

        Assert.True(json.Code == ExitCodes.Ok, json.ToString());
        var report = JsonParser.Default.Parse<GetReportResponse>(json.Output);
        Assert.True(report.TieOut.Ok);
        Assert.True(report.TieOut.EventsRead > 0);
        Assert.Equal(await Head(), report.HistoryPosition);
        var t = report.Totals;
        Assert.Equal(ledgers.Totals.AppropriatedFen, t.AppropriatedFen);
        Assert.Equal(ledgers.Totals.CommittedFen, t.CommittedFen);
        Assert.Equal(ledgers.Totals.PaidFen, t.PaidFen);
        Assert.Equal(ledgers.Totals.RecoveredFen, t.RecoveredFen);
        Assert.Equal(report.Lines.Sum(l => l.InstructedFen), t.InstructedFen);
        Assert.Equal(report.Lines.Sum(l => l.ReceivableFen), t.ReceivableFen);
        Assert.Equal(t.CommittedFen - t.InstructedFen, t.OutstandingFen);
        Assert.Equal(t.AppropriatedFen - t.CommittedFen - t.PaidFen, t.AvailableFen);
        // The demo's pending instruction sums are what the report calls instructed (none is offset against a clawback).
        var pending = await Instructions(InstructionStatus.Pending);
        Assert.Equal(pending.Sum(i => i.AmountFen), t.InstructedFen);

        Assert.True(csv.Code == ExitCodes.Ok, csv.ToString());
        var rows = FinanceData.ReadCsv(csv.Output);
        Assert.Equal(report.Lines.Count + 1, rows.Count);
        var total = rows[^1];
        Assert.Equal("TOTAL", total["bureau_code"]);
        Assert.Equal(
            [t.AppropriatedFen, t.CommittedFen, t.InstructedFen, t.PaidFen, t.OutstandingFen, t.RecoveredFen, t.ReceivableFen, t.AvailableFen],
            new[] { "appropriated_fen", "committed_fen", "instructed_fen", "paid_fen", "outstanding_fen", "recovered_fen", "receivable_fen", "available_fen" }
                .Select(c => long.Parse(total[c], System.Globalization.CultureInfo.InvariantCulture)));
        // Position and tie-out go to standard error, so the CSV stays a clean table.
        Assert.Contains($"Tie-out: OK, every figure equals the sum of the {report.TieOut.EventsRead} money events up to that position", csv.Error, StringComparison.Ordinal);

        Assert.True(text.Code == ExitCodes.Ok, text.ToString());
        Assert.Contains($"History position: {report.HistoryPosition} ", text.Output, StringComparison.Ordinal);
        var totalRow = text.Output.Split('\n').First(l => l.StartsWith("TOTAL", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["TOTAL", .. new[] { t.AppropriatedFen, t.CommittedFen, t.InstructedFen, t.PaidFen, t.OutstandingFen, t.RecoveredFen, t.ReceivableFen }.Select(Yuan.Format)],
            totalRow);
    }

    [Fact]
    public async Task GivenABudgetLedgerAlteredBehindTheEvents_WhenTheReportIsPrinted_ThenTheTieOutNamesTheFigureAndTheExitCodeIsOne()
    {
        var line = (await Report()).Lines[0];
        var where = $"bureau = '{line.BureauCode}' and fiscal_year = {line.FiscalYear} and measure_id = '{line.MeasureId}'";
        await fixture.Execute($"update grants.budget_ledgers set appropriated_fen = appropriated_fen + 100 where {where}");
        CliRun report;
        try
        {
            report = await fixture.Run("finance", "report");
        }
        finally
        {
            await fixture.Execute($"update grants.budget_ledgers set appropriated_fen = appropriated_fen - 100 where {where}");
        }

        Assert.True(report.Code == ExitCodes.Refused, report.ToString());
        Assert.Contains("Tie-out: MISMATCH, 1 figure(s) differ from the events:", report.Output, StringComparison.Ordinal);
        var difference = report.Output.Split('\n').SkipWhile(l => !l.StartsWith("Tie-out: MISMATCH", StringComparison.Ordinal))
            .Single(l => l.StartsWith(line.BureauCode, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([line.BureauCode, line.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture), line.MeasureId, "appropriated",
            Yuan.Format(line.AppropriatedFen + 100), Yuan.Format(line.AppropriatedFen)], difference);
    }

    /// <summary>"6222073586922337" as a bank prints it: "6222 0735 8692 2337" (the matcher ignores spaces).</summary>
    private static string Grouped(string account) =>
        string.Join(' ', account.Chunk(4).Select(c => new string(c)));

    private async Task<GetReportResponse> Report() =>
        await fixture.Server.Client<ReconciliationService.ReconciliationServiceClient>("finance").GetReportAsync(new GetReportRequest());

    private async Task<long> Head() =>
        (await fixture.Server.Client<AuditService.AuditServiceClient>("auditor").GetDigestAsync(new GetDigestRequest())).Position;

    private async Task<IReadOnlyList<PaymentInstruction>> Instructions(InstructionStatus status) =>
        (await fixture.Server.Client<ReconciliationService.ReconciliationServiceClient>("finance")
            .ListInstructionsAsync(new ListInstructionsRequest { Status = status, PageSize = 200 })).Instructions;
}
