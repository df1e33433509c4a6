using System.CommandLine;
using Grants.Cli.Applications;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Audit;

/// <summary>`grants audit show ID --as-of DATE | --version N [--json]`: one application as it stood then.</summary>
internal static class ShowAsOfCommand
{
    public static Command Build(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "The application's id, e.g. HP-2025-000123" };
        var asOf = new Option<string>("--as-of") { Description = "A date (end of that day, China Standard Time) or a date and time" };
        var version = new Option<long>("--version") { Description = "As it stood after this version of its stream (1 = submitted)" };
        var json = CliContext.JsonOption();
        var command = new Command("show", "One application as it stood at a date or after a version, rebuilt from its events")
        {
            id, asOf, version, json,
        };
        command.Validators.Add(r =>
        {
            // As for replay --position: a version given but not positive is its own mistake.
            if (r.GetResult(version) is not null && r.GetValue(version) < 1)
                r.AddError($"--version {r.GetValue(version)} must be a positive stream version (1 is the submission)");
            else if ((r.GetValue(asOf) is { Length: > 0 }) == (r.GetValue(version) > 0))
                r.AddError("give either --as-of or --version");
        });
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var request = new GetApplicationAsOfRequest { ApplicationId = run.Get(id) };
            string heading;
            if (run.Get(asOf) is { Length: > 0 } text)
            {
                request.AsOf = AsOf.Parse(text);
                heading = $"as of {AsOf.Describe(text, request.AsOf)}";
            }
            else
            {
                request.Version = run.Get(version);
                heading = $"as of version {request.Version}";
            }
            var client = run.Connection.Client<AuditService.AuditServiceClient>(Roles.Reader);
            var response = await client.GetApplicationAsOfAsync(request);
            if (run.Get(json))
            {
                JsonOutput.Write(run.Out, response);
                return ExitCodes.Ok;
            }
            await run.Out.WriteLineAsync($"Application {request.ApplicationId} {heading}: version {response.Application.Version}, " +
                                         $"position {response.Position:N0}, hash {response.Hash}");
            await run.Out.WriteLineAsync();
            ApplicationDetails.Write(run.Out, response.Application);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
