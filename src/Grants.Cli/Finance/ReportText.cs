using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Finance;

/// <summary>The finance report for people: the budget lines in yuan, the tie-out, the position, the open items.</summary>
internal static class ReportText
{
    public static async Task Write(TextWriter output, GetReportResponse report)
    {
        Lines(report).Write(output);
        await output.WriteLineAsync();
        await Summary(output, report);
        if (report.OpenItems.Count == 0)
            return;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Open reconciliation items ({report.OpenItems.Count}):");
        ItemTable.Of(report.OpenItems).Write(output);
    }

    /// <summary>The history position and the tie-out verdict, with every difference on a mismatch.</summary>
    public static async Task Summary(TextWriter output, GetReportResponse report)
    {
        await output.WriteLineAsync($"History position: {report.HistoryPosition} (recorded {Dates.TimeOf(report.HistoryRecordedAt)})");
        if (report.TieOut.Ok)
        {
            await output.WriteLineAsync($"Tie-out: OK, every figure equals the sum of the {report.TieOut.EventsRead} money events up to that position");
            return;
        }
        await output.WriteLineAsync($"Tie-out: MISMATCH, {report.TieOut.Differences.Count} figure(s) differ from the events:");
        var table = new Table(new Column("BUREAU"), new Column("FY", Align.Right), new Column("MEASURE"), new Column("COLUMN"),
            new Column("REPORT", Align.Right), new Column("EVENTS", Align.Right));
        foreach (var d in report.TieOut.Differences)
            table.Add(d.BureauCode, CsvOutput.Number(d.FiscalYear), d.MeasureId, d.Column, Yuan.Format(d.ReportFen), Yuan.Format(d.EventsFen));
        table.Write(output);
    }

    private static Table Lines(GetReportResponse report)
    {
        var table = new Table(new Column("BUREAU"), new Column("FY", Align.Right), new Column("MEASURE"),
            new Column("APPROPRIATED", Align.Right), new Column("COMMITTED", Align.Right), new Column("INSTRUCTED", Align.Right),
            new Column("PAID", Align.Right), new Column("OUTSTANDING", Align.Right), new Column("RECOVERED", Align.Right),
            new Column("RECEIVABLE", Align.Right));
        foreach (var l in report.Lines)
            table.Add(Row(l.BureauCode, CsvOutput.Number(l.FiscalYear), l.MeasureId, l));
        if (report.Lines.Count > 0)
            table.Totals(Row("TOTAL", "", "", report.Totals));
        return table;
    }

    private static string[] Row(string bureau, string year, string measure, ReportLine l) =>
    [
        bureau, year, measure, Yuan.Format(l.AppropriatedFen), Yuan.Format(l.CommittedFen), Yuan.Format(l.InstructedFen),
        Yuan.Format(l.PaidFen), Yuan.Format(l.OutstandingFen), Yuan.Format(l.RecoveredFen), Yuan.Format(l.ReceivableFen),
    ];
}
