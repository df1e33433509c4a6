using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Applications;

/// <summary>`grants applications list [--status S]… [--bureau CODE] [--measure ID] [--applicant ID] [--fy YEAR]
/// [--limit N] [--json]`, newest first.</summary>
internal static class ListApplicationsCommand
{
    public static Command Build(CliContext cli)
    {
        var statuses = EnumNames.All<ApplicationStatus>();
        var status = new Option<string[]>("--status")
        {
            Description = "Only these statuses (repeat the option or separate with commas)",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        };
        status.Validators.Add(result =>
        {
            foreach (var unknown in (result.GetValueOrDefault<string[]>() ?? []).Where(s => !statuses.ContainsKey(s)))
                result.AddError($"unknown status '{unknown}'; one of: {string.Join(", ", statuses.Keys)}");
        });
        var bureau = new Option<string>("--bureau") { Description = "Only measures this bureau is responsible for, or awards it pays" };
        var measure = new Option<string>("--measure") { Description = "Only this measure, e.g. HP-2024-3/18" };
        var applicant = new Option<string>("--applicant") { Description = "Only this applicant's applications" };
        var fiscalYear = new Option<int>("--fy") { Description = "Only awards charged to this fiscal year" };
        var limit = new Option<int>("--limit") { Description = "At most this many applications", DefaultValueFactory = _ => 200 };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--limit must be at least 1"); });
        var json = CliContext.JsonOption();

        var command = new Command("list", "List applications, newest first") { status, bureau, measure, applicant, fiscalYear, limit, json };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var request = new ListApplicationsRequest
            {
                BureauCode = run.Get(bureau) ?? "",
                MeasureId = run.Get(measure) ?? "",
                ApplicantId = run.Get(applicant) ?? "",
                FiscalYear = run.Get(fiscalYear),
            };
            request.Statuses.AddRange((run.Get(status) ?? []).Select(s => statuses[s]).Distinct());
            var client = run.Connection.Client<ApplicationService.ApplicationServiceClient>(Roles.Reader);
            var (found, more) = await Read(client, request, run.Get(limit));
            if (run.Get(json))
                JsonOutput.Write(run.Out, found);
            else
            {
                ApplicationTable.Of(found.Applications).Write(run.Out);
                if (more)
                    await run.Error.WriteLineAsync($"(first {found.Applications.Count} shown; more with --limit)");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<(ListApplicationsResponse Found, bool More)> Read(
        ApplicationService.ApplicationServiceClient client, ListApplicationsRequest request, int limit)
    {
        var found = new ListApplicationsResponse();
        do
        {
            request.PageSize = Math.Min(Paging.MaxPageSize, limit - found.Applications.Count);
            var page = await client.ListApplicationsAsync(request);
            found.Applications.AddRange(page.Applications);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && found.Applications.Count < limit);
        // The token of the last page read says whether the server has more; it goes back only with --json.
        found.NextPageToken = request.PageToken;
        return (found, request.PageToken.Length > 0);
    }
}
