using System.CommandLine;
using Grants.Cli.Applications;
using Grants.Cli.Connection;
using Grants.Cli.Demo;
using Grants.Cli.Health;
using Grants.Cli.Ledgers;
using Grants.Cli.Measures;

namespace Grants.Cli;

/// <summary>The `grants` root command. Each command group lives in its own folder and is listed once in
/// <see cref="Groups"/>; a new area (audit, finance) adds its group there and nothing else changes.</summary>
public static class GrantsCli
{
    private static readonly ICommandGroup[] Groups =
    [
        new MeasuresCommand(),
        new ApplicationsCommands(),
        new LedgersCommand(),
        new HealthCommand(),
        new DemoCommand(),
        new Audit.AuditCommands(),
        new Finance.FinanceCommands(),
    ];

    public static RootCommand Build(CliEnvironment environment)
    {
        var cli = new CliContext(environment);
        var root = new RootCommand("Grants: read and operate the grants server over gRPC.");
        root.Options.Add(cli.UrlOption);
        foreach (var group in Groups)
            root.Subcommands.Add(group.Build(cli));
        return root;
    }

    /// <param name="output">Where results go; standard output when null.</param>
    /// <param name="error">Where refusals and progress go; standard error when null.</param>
    public static Task<int> Run(IReadOnlyList<string> args, CliEnvironment environment,
        TextWriter? output = null, TextWriter? error = null, CancellationToken ct = default)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        var parse = Build(environment).Parse(args);
        return parse.Errors.Count == 0 ? parse.InvokeAsync(configuration, ct) : Refuse(parse, configuration, ct);
    }

    // The parser prints what is wrong and the usage; the exit code says "usage error", as for a missing key.
    private static async Task<int> Refuse(ParseResult parse, InvocationConfiguration configuration, CancellationToken ct)
    {
        await parse.InvokeAsync(configuration, ct);
        return ExitCodes.Usage;
    }
}
