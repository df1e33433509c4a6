namespace Grants.Cli.Connection;

/// <summary>What the CLI reads from its process: environment variables and the directory where the search for the
/// dev keys file starts. Tests pass their own, so nothing depends on the test runner's environment.</summary>
public sealed record CliEnvironment(Func<string, string?> Variable, string WorkingDirectory)
{
    public static CliEnvironment FromProcess() => new(Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());

    public static CliEnvironment Of(IReadOnlyDictionary<string, string> variables, string workingDirectory) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null, workingDirectory);
}
