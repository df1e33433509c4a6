using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Finance;

/// <summary>`grants finance report [--fy YEAR] [--bureau CODE] [--csv | --json]`: the budget lines with what is
/// appropriated, committed, instructed, paid, outstanding, recovered and receivable, the open items, the history
/// position the figures reflect and the tie-out against the events. Exit code 1 when the tie-out finds a mismatch.</summary>
internal static class ReportCommand
{
    private static readonly string[] CsvHeader =
    [
        "bureau_code", "fiscal_year", "measure_id", "appropriated_fen", "committed_fen", "instructed_fen", "paid_fen",
        "outstanding_fen", "recovered_fen", "receivable_fen", "available_fen",
    ];

    public static Command Build(CliContext cli)
    {
        var fiscalYear = new Option<int>("--fy") { Description = "Only this fiscal year, e.g. 2025" };
        fiscalYear.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is var year && year != 0 && year is < 2000 or > 2100)
                r.AddError("--fy must be a year from 2000 to 2100");
        });
        var bureau = new Option<string>("--bureau") { Description = "Only this paying bureau, e.g. HP-IPO" };
        var csv = new Option<bool>("--csv") { Description = "Print the budget lines as CSV (position and tie-out go to standard error)" };
        var json = CliContext.JsonOption();
        var command = new Command("report", "Finance report per bureau, fiscal year and measure, tied out to the event history")
        {
            fiscalYear, bureau, csv, json,
        };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var client = run.Connection.Client<ReconciliationService.ReconciliationServiceClient>(FinanceCommands.Readers);
            var report = await client.GetReportAsync(new GetReportRequest { FiscalYear = run.Get(fiscalYear), BureauCode = run.Get(bureau) ?? "" });
            if (run.Get(json))
                JsonOutput.Write(run.Out, report);
            else if (run.Get(csv))
            {
                CsvOutput.Write(run.Out, CsvHeader, report.Lines.Select(CsvRow).Append(CsvRow(report.Totals, "TOTAL")));
                await ReportText.Summary(run.Error, report);
            }
            else
                await ReportText.Write(run.Out, report);
            return report.TieOut.Ok ? ExitCodes.Ok : ExitCodes.Refused;
        }));
        return command;
    }

    private static string[] CsvRow(ReportLine l) => CsvRow(l, l.BureauCode);

    private static string[] CsvRow(ReportLine l, string bureau) =>
    [
        bureau, l.FiscalYear == 0 ? "" : CsvOutput.Number(l.FiscalYear), l.MeasureId, CsvOutput.Fen(l.AppropriatedFen), CsvOutput.Fen(l.CommittedFen),
        CsvOutput.Fen(l.InstructedFen), CsvOutput.Fen(l.PaidFen), CsvOutput.Fen(l.OutstandingFen), CsvOutput.Fen(l.RecoveredFen),
        CsvOutput.Fen(l.ReceivableFen), CsvOutput.Fen(l.AvailableFen),
    ];
}
