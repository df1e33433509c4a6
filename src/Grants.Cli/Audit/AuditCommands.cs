using System.CommandLine;
using Grants.Cli.Connection;

namespace Grants.Cli.Audit;

/// <summary>`grants audit export|digest|verify|replay|rebuild-compare|history|show`: for auditors (docs/AUDIT.md).</summary>
public sealed class AuditCommands : ICommandGroup
{
    public Command Build(CliContext cli) =>
        new("audit", "For auditors: export the event log, keep and check digests, replay ledgers as of a date, rebuild and compare")
        {
            ExportCommand.Build(cli),
            DigestCommand.Build(cli),
            VerifyCommand.Build(cli),
            ReplayCommand.Build(cli),
            RebuildCompareCommand.Build(cli),
            HistoryCommand.Build(cli),
            ShowAsOfCommand.Build(cli),
        };
}
