namespace Grants.Cli.Connection;

/// <summary>A problem on the caller's side (no key, bad input file): printed as one line, exit code
/// <see cref="ExitCodes.Usage"/> unless another is given.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
