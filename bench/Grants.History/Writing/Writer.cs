using Bogus;
using Grants.History.Lifecycle;
using Grants.History.Setup;

namespace Grants.History.Writing;

/// <summary>One parallel appender: keeps up to twice a batch of applications moving at once (while one batch commits
/// the next one queues) on its own measures, until the quota says the target is promised.</summary>
public sealed class Writer(int index, Desk desk, IReadOnlyList<AwardMeasure> measures, ApplicationNumbers numbers, Quota quota,
                           Timeline timeline, Failures failures, int seed, int inFlight)
{
    public int Index => index;

    public async Task Run(CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(inFlight, inFlight);
        var running = new HashSet<Task>();
        long started = 0;
        while (!ct.IsCancellationRequested && failures.Count < Failures.Limit)
        {
            var f = new Faker("zh_CN") { Random = new Randomizer(unchecked(seed + index * 104_729 + (int)started * 31)) };
            var measure = measures[f.Random.Number(0, measures.Count - 1)];
            var plan = Plan.Draw(f, measure);
            if (!quota.TryTake(plan.Events))
            {
                if (running.Count == 0)
                    break;
                // Others may still finish short of their plans: wait for ours, then look again.
                await Task.WhenAll(running);
                running.Clear();
                if (quota.Reached)
                    break;
                continue;
            }
            started++;
            await slots.WaitAsync(ct);
            var start = timeline.Start(measure);
            var id = await numbers.Next(measure.NumberPrefix, start, ct);
            var run = new ApplicationRun(desk, measure, plan, f, id, new Calendar(f, start, measure.ClosesOn));
            var task = Run(run, plan, slots, ct);
            running.Add(task);
            if (running.Count > 4 * inFlight)
                running.RemoveWhere(t => t.IsCompleted);
        }
        await Task.WhenAll(running);
    }

    private async Task Run(ApplicationRun run, Plan plan, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await Task.Yield();
            await run.Run(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failures.Add(e);
        }
        finally
        {
            quota.Settle(plan.Events, run.Events);
            slots.Release();
        }
    }
}
