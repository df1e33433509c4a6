using System.CommandLine;
using Grants.Cli.Connection;

namespace Grants.Cli.Finance;

/// <summary>`grants finance instructions|import|items|resolve|report`: what finance staff exchange with the treasury
/// and the bank, and the report that ties the budget lines out to the event history (docs/FINANCE.md).</summary>
public sealed class FinanceCommands : ICommandGroup
{
    /// <summary>Finance keys first: only they see payee accounts in full, which the treasury export needs.</summary>
    public static readonly IReadOnlyList<string> Readers = [Roles.Finance, Roles.Auditor, Roles.Admin];

    public Command Build(CliContext cli) =>
        new("finance", "Payment instructions, bank statement import, reconciliation items and the finance report")
        {
            InstructionsCommand.Build(cli),
            ImportCommand.Build(cli),
            ItemsCommand.Build(cli),
            ResolveCommand.Build(cli),
            ReportCommand.Build(cli),
        };
}
