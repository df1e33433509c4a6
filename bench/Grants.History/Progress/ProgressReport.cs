using System.Diagnostics;
using System.Globalization;
using Grants.History.Writing;

namespace Grants.History.Progress;

/// <summary>Every few seconds on stderr: where the head stands, the rate since the start and over the last interval.</summary>
public sealed class ProgressReport(long startHead, long target, IReadOnlyList<Appender> appenders, Failures failures)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public long Appended => appenders.Sum(a => a.Events);

    public async Task Run(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval);
        var (lastEvents, lastSeconds) = (0L, 0.0);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var (events, seconds) = (Appended, Clock.Elapsed.TotalSeconds);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"history: head ~{startHead + events:N0} of {target:N0}, appended {events:N0} in {seconds:F0} s " +
                    $"({events / seconds:F0} events/s overall, {(events - lastEvents) / (seconds - lastSeconds):F0} lately), " +
                    $"failures {failures.Count}"));
                (lastEvents, lastSeconds) = (events, seconds);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
