using System.Globalization;
using Grants.LoadTest;

// Prints one machine-readable line per run on stdout (scripts/bench.sh parses it); progress goes to stderr.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"loadtest: {e.Message}");
    return 2;
}

var recorder = new Recorder();
using var callers = new Callers(options.Url, options.KeysFile, recorder);
var line = new List<string> { $"scenario={options.Scenario}", $"clients={options.Clients}" };
var failed = false;

if (options.Scenario != "check")
{
    var budgets = await Budget.FromCatalog(callers, options.Scenario == "approve-hot" ? 1 : options.Budgets);
    if (budgets.Count == 0)
    {
        Console.Error.WriteLine("loadtest: the catalog has no monetary measure open to enterprises");
        return 1;
    }
    Console.Error.WriteLine($"loadtest: {options.Scenario} over {budgets.Count} budget ledger(s), {options.Count} applications, run {options.RunId}");
    var measured = options.Scenario == "lifecycle"
        ? await Scenarios.Lifecycle(options, callers, recorder, budgets)
        : await Scenarios.Approve(options, callers, recorder, budgets);
    var latency = recorder.Summary();
    if (options.Timeline is { } timeline)
        await File.WriteAllLinesAsync(timeline, recorder.Timeline());
    line.Add($"budgets={budgets.Count}");
    line.Add($"ok={measured.Succeeded}");
    line.Add(F("seconds", measured.Elapsed.TotalSeconds));
    line.Add(F("tps", measured.PerSecond));
    line.Add(F("p50_ms", latency.P50Ms));
    line.Add(F("p95_ms", latency.P95Ms));
    line.Add(F("p99_ms", latency.P99Ms));
    line.Add($"client_cpu_ms_per_call={measured.ClientCpuMsPerCall.ToString("0.00", CultureInfo.InvariantCulture)}");
    line.Add("errors=" + (recorder.Errors.Count == 0 ? "none" : string.Join(",", recorder.Errors.Select(e => $"{e.Key}:{e.Value}"))));
}

if (options.Check || options.Scenario == "check")
{
    var outcome = await Checks.Run(callers);
    failed = outcome.OverLimit > 0 || !outcome.Identical;
    line.Add($"ledgers={outcome.Ledgers}");
    line.Add($"over_limit={outcome.OverLimit}");
    line.Add($"replay_identical={(outcome.Identical ? "true" : "false")}");
    line.Add($"differences={outcome.DifferenceCount}");
    line.Add($"replayed_events={outcome.EventsReplayed}");
    line.Add(F("replay_events_per_s", outcome.EventsPerSecond));
}

if (PeakRss.Megabytes(options.ServerPid) is { } rss)
    line.Add(F("server_peak_rss_mb", rss));
Console.WriteLine(string.Join(' ', line));
return failed ? 1 : 0;

static string F(string name, double value) => $"{name}={value.ToString("0.0", CultureInfo.InvariantCulture)}";
