using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Applications;

/// <summary>`grants applications show ID [--json]`: one application with its award, tranches and clawbacks.</summary>
internal static class ShowApplicationCommand
{
    public static Command Build(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "The application's id" };
        var json = CliContext.JsonOption();
        var command = new Command("show", "Show one application with its award, tranches and clawbacks") { id, json };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var client = run.Connection.Client<ApplicationService.ApplicationServiceClient>(Roles.Reader);
            var response = await client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = run.Get(id) });
            if (run.Get(json))
                JsonOutput.Write(run.Out, response.Application);
            else
                ApplicationDetails.Write(run.Out, response.Application);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
