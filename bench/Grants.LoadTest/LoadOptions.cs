using System.Globalization;

namespace Grants.LoadTest;

/// <summary>Command line: <c>--scenario approve-spread|approve-hot|lifecycle --clients 32 --count 2000
/// --url http://127.0.0.1:5077 --keys .grants/dev-keys.json --server-pid 1234 --budgets 50 --check</c>.</summary>
public sealed record LoadOptions(string Scenario, int Clients, int Count, string Url, string KeysFile, int? ServerPid,
                                 int Budgets, bool Check, string RunId)
{
    public static readonly string[] Scenarios = ["approve-spread", "approve-hot", "lifecycle", "check"];

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                values[args[i]] = args[++i];
            else
                flags.Add(args[i]);
        }
        var scenario = values.GetValueOrDefault("--scenario", "approve-spread");
        if (!Scenarios.Contains(scenario))
            throw new ArgumentException($"--scenario must be one of {string.Join(", ", Scenarios)}");
        return new LoadOptions(
            scenario,
            Int(values, "--clients", 32),
            Int(values, "--count", 2000),
            values.GetValueOrDefault("--url", "http://127.0.0.1:5077"),
            values.GetValueOrDefault("--keys", Path.Combine(".grants", "dev-keys.json")),
            values.TryGetValue("--server-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Int(values, "--budgets", 50),
            flags.Contains("--check"),
            values.GetValueOrDefault("--run-id", Guid.NewGuid().ToString("N")[..8]));
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
