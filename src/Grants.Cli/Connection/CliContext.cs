using System.CommandLine;

namespace Grants.Cli.Connection;

/// <summary>What every command group shares: the global options and the way to reach the server.</summary>
public sealed class CliContext(CliEnvironment environment)
{
    public const string UrlVariable = "GRANTS_URL";
    public const string DefaultUrl = "http://127.0.0.1:5077";

    /// <summary>Per-call deadline; long enough for a busy server, short enough that a hung one fails a script.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public CliEnvironment Environment { get; } = environment;

    public Option<string> UrlOption { get; } = new("--url")
    {
        Description = $"Server address [env: {UrlVariable}; default {DefaultUrl}]",
        Recursive = true,
    };

    /// <summary>The `--json` flag; each command adds its own instance so help lists it where it applies.</summary>
    public static Option<bool> JsonOption() => new("--json") { Description = "Print JSON (proto3 JSON mapping) instead of a table" };

    public Uri ServerAddress(ParseResult parse)
    {
        var text = parse.GetValue(UrlOption) is { Length: > 0 } url ? url
            : Environment.Variable(UrlVariable) is { Length: > 0 } fromEnv ? fromEnv
            : DefaultUrl;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException($"server address '{text}' is not an http:// or https:// URL");
    }

    /// <summary>Runs a command's body: resolves the server and keys, turns gRPC refusals and local problems into
    /// one line on standard error and an exit code, so no command prints a stack trace.</summary>
    public Task<int> Invoke(ParseResult parse, CancellationToken ct, Func<CommandRun, Task<int>> body) =>
        CommandRun.Execute(this, parse, ct, body);
}
