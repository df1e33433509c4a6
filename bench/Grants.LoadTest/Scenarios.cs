using System.Diagnostics;

namespace Grants.LoadTest;

/// <summary>What one measured run did: commands that succeeded, in how long, and the CPU this load generator spent on
/// them (it shares the machine with the server and PostgreSQL, so its own cost is part of the picture).</summary>
public sealed record Measured(int Succeeded, TimeSpan Elapsed, TimeSpan ClientCpu)
{
    public double PerSecond => Elapsed.TotalSeconds == 0 ? 0 : Succeeded / Elapsed.TotalSeconds;

    public double ClientCpuMsPerCall => Succeeded == 0 ? 0 : ClientCpu.TotalMilliseconds / Succeeded;
}

/// <summary>approve-spread and approve-hot prepare assessed applications unmeasured, then time only the Approve
/// calls; lifecycle times every call from registration to the confirmed payment.</summary>
public static class Scenarios
{
    public static async Task<Measured> Approve(LoadOptions o, Callers callers, Recorder recorder, IReadOnlyList<Budget> budgets)
    {
        var prep = new Preparation(callers, o.RunId);
        var today = Today();
        var total = o.Count + o.Warmup;
        // The warm-up approvals are always funded; the timed ones as far as --funded says.
        var funded = o.Warmup + (o.Count * o.FundedPercent / 100);
        foreach (var budget in budgets)
            await prep.Fund(budget, funded / budgets.Count + 1, today);
        var ready = await Workers.Run(total, o.Clients, i => prep.Assessed(i, budgets[i % budgets.Count]));
        var prepared = ready.OfType<Prepared>().ToArray();
        var warm = Math.Min(o.Warmup, prepared.Length);
        Console.Error.WriteLine($"loadtest: {prepared.Length} of {total} applications assessed; {warm} approvals to warm up");
        await Workers.Run(warm, o.Clients, i => prep.Approve(prepared[i]));
        // scripts/profile.sh starts counting CPU at this line.
        Console.Error.WriteLine($"loadtest: approving with {o.Clients} callers");

        recorder.Measuring = true;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Workers.Run(prepared.Length - warm, o.Clients, i => prep.Approve(prepared[warm + i]));
        clock.Stop();
        recorder.Measuring = false;
        return new Measured(recorder.Succeeded, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    public static async Task<Measured> Lifecycle(LoadOptions o, Callers callers, Recorder recorder, IReadOnlyList<Budget> budgets)
    {
        var prep = new Preparation(callers, o.RunId);
        var today = Today();
        foreach (var budget in budgets)
            await prep.Fund(budget, (o.Count + o.Warmup) / budgets.Count + 1, today);
        await Workers.Run(o.Warmup, o.Clients, i => Lifecycle(prep, o.Count + i, budgets));
        Console.Error.WriteLine($"loadtest: {o.Warmup} lifecycles warmed up; timing lifecycles with {o.Clients} callers");

        recorder.Measuring = true;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Workers.Run(o.Count, o.Clients, i => Lifecycle(prep, i, budgets));
        clock.Stop();
        recorder.Measuring = false;
        return new Measured(recorder.Succeeded, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static async Task<Prepared> Lifecycle(Preparation prep, int i, IReadOnlyList<Budget> budgets)
    {
        var p = await prep.Assessed(i, budgets[i % budgets.Count]);
        await prep.Approve(p);
        await prep.Pay(p);
        return p;
    }

    // Appropriations are dated by the client; the server's calendar is China Standard Time.
    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
}
