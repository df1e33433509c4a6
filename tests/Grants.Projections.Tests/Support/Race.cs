using Grants.Projections.Ledgers;

namespace Grants.Projections.Tests.Support;

/// <summary>Starts every contender at the same moment on the thread pool and collects how each ended: null when its
/// append committed, the refusal (by the ledgers or by a decider) otherwise. Anything else, a deadlock or a timeout,
/// fails the test as it is. Bounded by a deadline, never by a sleep.</summary>
internal static class Race
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<Exception?[]> Run(IEnumerable<Func<Task>> contenders)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = contenders.Select(contender => Task.Run(async () =>
        {
            await start.Task;
            return await Outcome(contender);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(running).WaitAsync(Deadline);
    }

    public static async Task<Exception?> Outcome(Func<Task> contender)
    {
        try
        {
            await contender();
            return null;
        }
        catch (Exception e) when (e is LedgerRefusedException or CommandRefusedException)
        {
            return e;
        }
    }
}
