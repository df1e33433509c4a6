using System.Globalization;
using Grants.EventStore;
using Grants.History.Applicants;
using Grants.History.Options;
using Grants.History.Progress;
using Grants.History.Setup;
using Grants.History.Writing;
using Grants.Projections.Registration;
using Npgsql;

// Brings the event head to --events through the real store and inline projections. Progress on stderr; one line on
// stdout at the end (scripts/bench.sh parses it): history events=<head> appended=<n> seconds=<s> events_per_s=<x>.
HistoryOptions options;
try
{
    options = HistoryOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"history: {e.Message}\n{HistoryOptions.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
var ct = stop.Token;

var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
builder.ConnectionStringBuilder.ApplicationName ??= "grants-history";
// The projections' statements repeat millions of times: prepared once per connection, PostgreSQL stops re-planning them.
if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
    (builder.ConnectionStringBuilder.MaxAutoPrepare, builder.ConnectionStringBuilder.AutoPrepareMinUsages) = (200, 2);
await using var dataSource = builder.Build();
await SchemaMigrator.Migrate(dataSource, GrantsProjections.Migrations, ct);
var types = GrantsEventTypes.Create();
var reader = new PostgresEventStore(dataSource, types, GrantsProjections.Inline(), TimeProvider.System);

var catalog = await CatalogSource.Load(reader, options.SeedsDirectory, ct);
var measures = AwardMeasure.From(catalog);
if (measures.Count == 0)
{
    Console.Error.WriteLine("history: the catalog has no monetary measure with a fixed cap open to enterprises");
    return 1;
}
var writers = Math.Min(options.Writers, measures.Count);
var startHead = (await reader.Head(ct)).Position;
Console.Error.WriteLine($"history: head {startHead:N0}, target {options.TargetEvents:N0}, {measures.Count} measures, {writers} writer(s), " +
                        $"up to {options.Batch} commands per transaction");

var runId = string.Create(CultureInfo.InvariantCulture, $"{options.Seed}-{startHead:x}");
// The same seed on the same starting head repeats the history exactly; a later run on a grown database draws new
// enterprises instead of colliding with the ones it registered before.
var runSeed = unchecked(options.Seed * 1_000_003 + (int)startHead * 7_919);
var quota = new Quota(startHead, options.TargetEvents);
// About 10 events an application on the paths Plan draws; only spreads dates, so an estimate will do.
var timeline = new Timeline(quota, Math.Max(1, (options.TargetEvents - startHead) / 10));
var numbers = new ApplicationNumbers(dataSource);
var failures = new Failures();
var appenders = new List<Appender>();
var crew = new List<Writer>();
try
{
    for (var w = 0; w < writers; w++)
    {
        var appender = new Appender(dataSource, types, w, runId, options.Batch);
        appenders.Add(appender);
        // Writers never share a measure, so never a budget line, an applicant or a ledger row.
        var own = measures.Where((_, i) => i % writers == w).ToList();
        var budgets = new BudgetLines(appender, catalog);
        if (startHead < options.TargetEvents)
            await budgets.Open(own, ct);
        crew.Add(new Writer(w, new Desk(appender, budgets, new ApplicantPool(appender, w), catalog), own, numbers, quota, timeline,
            failures, runSeed, 2 * options.Batch));
    }

    var progress = new ProgressReport(startHead, options.TargetEvents, appenders, failures);
    using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
    var reporting = progress.Run(progressStop.Token);
    await Task.WhenAll(crew.Select(w => w.Run(ct)));
    var seconds = progress.Clock.Elapsed.TotalSeconds;
    await progressStop.CancelAsync();
    await reporting;

    var head = (await reader.Head(ct)).Position;
    var appended = progress.Appended;
    Console.Error.WriteLine($"history: done, {failures.Count} application(s) failed");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"history events={head} appended={appended} seconds={seconds:F1} events_per_s={appended / Math.Max(seconds, 0.001):F0}"));
    var verified = !options.Verify || await Verify(reader, ct);
    return failures.Count == 0 && head >= options.TargetEvents && verified ? 0 : 1;
}
finally
{
    foreach (var appender in appenders)
        await appender.DisposeAsync();
}

static async Task<bool> Verify(PostgresEventStore store, CancellationToken ct)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var result = await store.Verify(ct: ct);
    var problem = result.Ok ? "" : $" first_bad={result.FirstBadPosition} problem=\"{result.Problem}\"";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"verify ok={(result.Ok ? "true" : "false")} checked_through={result.CheckedThrough} seconds={clock.Elapsed.TotalSeconds:F1}{problem}"));
    return result.Ok;
}
