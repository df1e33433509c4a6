using System.CommandLine;
using System.Globalization;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Finance;

/// <summary>`grants finance resolve BANK_TXN --note TEXT --officer ID --officer-bureau CODE [--on DATE]`: closes an
/// open reconciliation item with what was done about it.</summary>
internal static class ResolveCommand
{
    public static Command Build(CliContext cli)
    {
        var id = new Argument<string>("bank-transaction-id") { Description = "The item's bank transaction id" };
        var note = new Option<string>("--note") { Description = "What was done about it", Required = true };
        var officer = new Option<string>("--officer") { Description = "The finance official closing it, e.g. hp-ipo.li.na (officer ids are letters, digits and ._:@-)", Required = true };
        var bureau = new Option<string>("--officer-bureau") { Description = "The official's bureau, e.g. HP-IPO", Required = true };
        var on = new Option<string>("--on") { Description = "Date of the decision, YYYY-MM-DD (default: today in China Standard Time)" };
        var json = CliContext.JsonOption();
        var command = new Command("resolve", "Close an open reconciliation item with a note") { id, note, officer, bureau, on, json };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var date = run.Get(on) is { } text
                ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw new CliException($"--on '{text}' is not a date YYYY-MM-DD")
                : DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
            var client = run.Connection.Client<ReconciliationService.ReconciliationServiceClient>(Roles.Finance);
            var response = await client.ResolveItemAsync(new ResolveItemRequest
            {
                RequestId = Guid.NewGuid().ToString("N"),
                BankTransactionId = run.Get(id),
                Note = run.Get(note),
                Officer = new Officer { Id = run.Get(officer), BureauCode = run.Get(bureau) },
                ResolvedOn = Date.FromDateOnly(date),
            });
            if (run.Get(json))
                JsonOutput.Write(run.Out, response);
            else
                ItemTable.Of([response.Item]).Write(run.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
