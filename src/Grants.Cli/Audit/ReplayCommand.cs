using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Audit;

/// <summary>`grants audit replay --as-of 2025-12-31 | --position N [--bureau CODE] [--fy YEAR] [--json]`: the budget and
/// beneficiary ledgers as they stood, replayed from the events.</summary>
internal static class ReplayCommand
{
    public static Command Build(CliContext cli)
    {
        var asOf = new Option<string>("--as-of") { Description = "A date (end of that day, China Standard Time) or a date and time" };
        var position = new Option<long>("--position") { Description = "Replay through this position instead" };
        var bureau = new Option<string>("--bureau") { Description = "Only this paying bureau's ledgers, e.g. HP-IPO" };
        var fiscalYear = new Option<int>("--fy") { Description = "Only this fiscal year" };
        var json = CliContext.JsonOption();
        var command = new Command("replay", "The ledgers as they stood at a date or position, replayed from the events")
        {
            asOf, position, bureau, fiscalYear, json,
        };
        command.Validators.Add(r =>
        {
            // A position given but not positive is its own mistake: "give either" would send the user looking for
            // a missing option when the one they gave is wrong.
            if (r.GetResult(position) is not null && r.GetValue(position) < 1)
                r.AddError($"--position {r.GetValue(position)} must be a positive event position (1 is the first event)");
            else if ((r.GetValue(asOf) is { Length: > 0 }) == (r.GetValue(position) > 0))
                r.AddError("give either --as-of or --position");
        });
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var request = new GetLedgersAsOfRequest { BureauCode = run.Get(bureau) ?? "", FiscalYear = run.Get(fiscalYear) };
            string heading;
            if (run.Get(asOf) is { Length: > 0 } text)
            {
                request.AsOf = AsOf.Parse(text);
                heading = $"Ledgers as of {AsOf.Describe(text, request.AsOf)}";
            }
            else
            {
                request.Position = run.Get(position);
                heading = $"Ledgers as of position {request.Position:N0}";
            }
            run.Error.WriteLine("replay: replaying the events on the server…");
            var client = run.Connection.Client<AuditService.AuditServiceClient>(Roles.Reader);
            // A replay reads the whole history; the default deadline of a quick call is too short for a large one.
            var replayed = await client.GetLedgersAsOfAsync(request, deadline: DateTime.UtcNow.AddMinutes(30));
            if (run.Get(json))
                JsonOutput.Write(run.Out, replayed);
            else
                ReplayTables.Write(run.Out, heading, replayed);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
