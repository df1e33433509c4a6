using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Measures;

/// <summary>`grants measures [--policy ID] [--bureau CODE] [--json]`: the catalog's measures with their limits.</summary>
public sealed class MeasuresCommand : ICommandGroup
{
    public Command Build(CliContext cli)
    {
        var policy = new Option<string>("--policy") { Description = "Only measures of this policy, e.g. HP-2024-3" };
        var bureau = new Option<string>("--bureau") { Description = "Only measures this bureau is responsible for, e.g. HP-STC" };
        var json = CliContext.JsonOption();
        var command = new Command("measures", "List policy measures with their caps, floors and responsible bureaus")
        {
            policy, bureau, json,
        };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var client = run.Connection.Client<CatalogService.CatalogServiceClient>(Roles.Reader);
            var all = await ReadAll(client, run.Get(policy) ?? "", run.Get(bureau) ?? "");
            if (run.Get(json))
                JsonOutput.Write(run.Out, all);
            else
                MeasureTable.Of(all.Measures).Write(run.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Every page, as one response, so `--json` prints a single document.</summary>
    public static async Task<ListMeasuresResponse> ReadAll(CatalogService.CatalogServiceClient client, string policyId, string bureauCode)
    {
        var all = new ListMeasuresResponse();
        var request = new ListMeasuresRequest { PolicyId = policyId, BureauCode = bureauCode, PageSize = Paging.MaxPageSize };
        do
        {
            var page = await client.ListMeasuresAsync(request);
            all.Measures.AddRange(page.Measures);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return all;
    }
}
