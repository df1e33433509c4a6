using System.CommandLine;
using Grants.Cli.Connection;

namespace Grants.Cli.Applications;

/// <summary>`grants applications list|show`.</summary>
public sealed class ApplicationsCommands : ICommandGroup
{
    public Command Build(CliContext cli) =>
        new("applications", "Read applications: their status, award, payments and clawbacks")
        {
            ListApplicationsCommand.Build(cli),
            ShowApplicationCommand.Build(cli),
        };
}
