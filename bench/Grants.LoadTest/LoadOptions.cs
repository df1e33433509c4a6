using System.Globalization;

namespace Grants.LoadTest;

/// <summary>Command line: <c>--scenario approve-spread|approve-hot|lifecycle --clients 32 --count 2000
/// --url http://127.0.0.1:5077 --keys .grants/dev-keys.json --server-pid 1234 --budgets 50 --check --warmup 200
/// --funded 100 --timeline calls.txt</c>.</summary>
/// <param name="Warmup">Calls of the timed kind made first and not timed (approvals, or whole lifecycles), so the
/// server's JIT has compiled the path before the clock starts; by default a tenth of the count, at most 500.</param>
/// <param name="FundedPercent">How much of the timed approvals each budget is funded for (<c>--funded</c>, default 100;
/// approve scenarios only): below 100 a run on fresh ledgers runs out of budget partway, as a deadline rush can, and
/// the rest are refused.</param>
/// <param name="Timeline">A file to write every timed call's start and latency to (<see cref="Recorder.Timeline"/>).</param>
public sealed record LoadOptions(string Scenario, int Clients, int Count, string Url, string KeysFile, int? ServerPid,
                                 int Budgets, bool Check, string RunId, int Warmup, int FundedPercent = 100, string? Timeline = null)
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
        var count = Int(values, "--count", 2000);
        var funded = Int(values, "--funded", 100);
        if (funded < 0)
            throw new ArgumentException("--funded is a percentage of the timed approvals, 0 or more");
        return new LoadOptions(
            scenario,
            Int(values, "--clients", 32),
            count,
            values.GetValueOrDefault("--url", "http://127.0.0.1:5077"),
            values.GetValueOrDefault("--keys", Path.Combine(".grants", "dev-keys.json")),
            values.TryGetValue("--server-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Int(values, "--budgets", 50),
            flags.Contains("--check"),
            values.GetValueOrDefault("--run-id", Guid.NewGuid().ToString("N")[..8]),
            Int(values, "--warmup", Math.Min(500, count / 10)),
            funded,
            values.GetValueOrDefault("--timeline"));
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
