using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Ledgers;

/// <summary>`grants ledgers [--fy YEAR] [--bureau CODE] [--measure ID] [--json]`: budget ledgers with totals.</summary>
public sealed class LedgersCommand : ICommandGroup
{
    public Command Build(CliContext cli)
    {
        var fiscalYear = new Option<int>("--fy") { Description = "Only this fiscal year, e.g. 2025" };
        fiscalYear.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is var year && year != 0 && year is < 2000 or > 2100)
                r.AddError("--fy must be a year from 2000 to 2100");
        });
        var bureau = new Option<string>("--bureau") { Description = "Only this paying bureau, e.g. HP-STC" };
        var measure = new Option<string>("--measure") { Description = "Only this measure, e.g. HP-2024-3/9" };
        var json = CliContext.JsonOption();
        var command = new Command("ledgers", "Budget ledgers per bureau, fiscal year and measure: appropriated, committed, paid, available")
        {
            fiscalYear, bureau, measure, json,
        };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var client = run.Connection.Client<BudgetService.BudgetServiceClient>(Roles.Reader);
            var all = await ReadAll(client, new ListLedgersRequest
            {
                FiscalYear = run.Get(fiscalYear),
                BureauCode = run.Get(bureau) ?? "",
                MeasureId = run.Get(measure) ?? "",
            });
            if (run.Get(json))
                JsonOutput.Write(run.Out, all);
            else
                LedgerTable.Of(all).Write(run.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Every page of ListLedgers, with the totals (also what the end-to-end tests compare replays with).</summary>
    internal static async Task<ListLedgersResponse> ReadAll(BudgetService.BudgetServiceClient client, ListLedgersRequest request)
    {
        var all = new ListLedgersResponse();
        request.PageSize = Paging.MaxPageSize;
        do
        {
            var page = await client.ListLedgersAsync(request);
            all.Ledgers.AddRange(page.Ledgers);
            all.Totals = page.Totals;
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return all;
    }
}
