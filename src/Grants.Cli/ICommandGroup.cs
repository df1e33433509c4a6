using System.CommandLine;
using Grants.Cli.Connection;

namespace Grants.Cli;

/// <summary>A top-level command (`grants measures`, `grants applications …`) with its subcommands.</summary>
public interface ICommandGroup
{
    Command Build(CliContext cli);
}
