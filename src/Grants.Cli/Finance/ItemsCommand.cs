using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Finance;

/// <summary>`grants finance items [--all] [--kind KIND] [--json]`: reconciliation items, open ones unless --all.</summary>
internal static class ItemsCommand
{
    public static Command Build(CliContext cli)
    {
        var kinds = EnumNames.All<ItemKind>();
        var all = new Option<bool>("--all") { Description = "Resolved items too" };
        var kind = new Option<string>("--kind") { Description = $"Only this kind: {string.Join(", ", kinds.Keys.Where(k => k != "confirmed"))}" };
        kind.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } k && !kinds.ContainsKey(k))
                r.AddError($"unknown kind '{k}'; one of: {string.Join(", ", kinds.Keys)}");
        });
        var json = CliContext.JsonOption();
        var command = new Command("items", "Reconciliation items: statement lines that did not simply confirm a payment") { all, kind, json };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var request = new ListItemsRequest
            {
                Status = run.Get(all) ? ItemStatus.Unspecified : ItemStatus.Open,
                Kind = run.Get(kind) is { } k ? kinds[k] : ItemKind.Unspecified,
                PageSize = Paging.MaxPageSize,
            };
            var client = run.Connection.Client<ReconciliationService.ReconciliationServiceClient>(FinanceCommands.Readers);
            var found = new ListItemsResponse();
            do
            {
                var page = await client.ListItemsAsync(request);
                found.Items.AddRange(page.Items);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
            if (run.Get(json))
                JsonOutput.Write(run.Out, found);
            else
                ItemTable.Of(found.Items).Write(run.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
