using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Finance;

/// <summary>`grants finance instructions [--status pending|confirmed|returned] [--bureau CODE] [--fy YEAR]
/// [--measure ID] [--csv | --json]`: payment instructions; --csv is the export for the treasury payment system.</summary>
internal static class InstructionsCommand
{
    private static readonly string[] CsvHeader =
    [
        "reference", "application_id", "tranche_number", "payee_name", "payee_account", "amount_fen", "offset_fen", "payable_fen",
        "paying_bureau", "fiscal_year", "measure_id", "status", "instructed_on", "paid_on", "treasury_reference",
    ];

    public static Command Build(CliContext cli)
    {
        var statuses = EnumNames.All<InstructionStatus>();
        var status = new Option<string>("--status") { Description = $"Only this status: {string.Join(", ", statuses.Keys)}" };
        status.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } s && !statuses.ContainsKey(s))
                r.AddError($"unknown status '{s}'; one of: {string.Join(", ", statuses.Keys)}");
        });
        var bureau = new Option<string>("--bureau") { Description = "Only this paying bureau, e.g. HP-IPO" };
        var fiscalYear = new Option<int>("--fy") { Description = "Only this fiscal year, e.g. 2025" };
        var measure = new Option<string>("--measure") { Description = "Only this measure, e.g. HP-2024-3/1" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV for the treasury (full payee accounts with a finance key)" };
        var json = CliContext.JsonOption();
        var command = new Command("instructions", "Payment instructions, one per tranche, with payee, account, amount and status")
        {
            status, bureau, fiscalYear, measure, csv, json,
        };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var request = new ListInstructionsRequest
            {
                Status = run.Get(status) is { } s ? statuses[s] : InstructionStatus.Unspecified,
                BureauCode = run.Get(bureau) ?? "",
                FiscalYear = run.Get(fiscalYear),
                MeasureId = run.Get(measure) ?? "",
                PageSize = Paging.MaxPageSize,
            };
            var all = await ReadAll(run.Connection.Client<ReconciliationService.ReconciliationServiceClient>(FinanceCommands.Readers), request);
            if (run.Get(json))
                JsonOutput.Write(run.Out, all);
            else if (run.Get(csv))
                CsvOutput.Write(run.Out, CsvHeader, all.Instructions.Select(CsvRow));
            else
                Table(all).Write(run.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<ListInstructionsResponse> ReadAll(ReconciliationService.ReconciliationServiceClient client, ListInstructionsRequest request)
    {
        var all = new ListInstructionsResponse();
        do
        {
            var page = await client.ListInstructionsAsync(request);
            all.Instructions.AddRange(page.Instructions);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return all;
    }

    private static string[] CsvRow(PaymentInstruction i) =>
    [
        i.Reference, i.ApplicationId, CsvOutput.Number(i.TrancheNumber), i.PayeeName,
        i.PayeeAccount.Length > 0 ? i.PayeeAccount : i.PayeeAccountMasked,
        CsvOutput.Fen(i.AmountFen), CsvOutput.Fen(i.OffsetFen), CsvOutput.Fen(i.PayableFen), i.PayingBureau,
        CsvOutput.Number(i.FiscalYear), i.MeasureId, EnumNames.Of(i.Status), Dates.Of(i.InstructedOn),
        i.PaidOn is null ? "" : Dates.Of(i.PaidOn), i.TreasuryReference,
    ];

    private static Table Table(ListInstructionsResponse all)
    {
        var table = new Table(new Column("REFERENCE"), new Column("PAYEE"), new Column("ACCOUNT"), new Column("PAYABLE", Align.Right),
            new Column("BUREAU"), new Column("FY", Align.Right), new Column("MEASURE"), new Column("STATUS"), new Column("INSTRUCTED"));
        foreach (var i in all.Instructions)
            table.Add(i.Reference, i.PayeeName, i.PayeeAccountMasked, Yuan.Format(i.PayableFen), i.PayingBureau,
                CsvOutput.Number(i.FiscalYear), i.MeasureId, EnumNames.Of(i.Status), Dates.Of(i.InstructedOn));
        if (all.Instructions.Count > 0)
            table.Totals("TOTAL", $"{all.Instructions.Count} instructions", "", Yuan.Format(all.Instructions.Sum(i => i.PayableFen)),
                "", "", "", "", "");
        return table;
    }
}
