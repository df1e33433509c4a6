using Grants.Testing;
using Grants.Projections.Tests.Support;
using Npgsql;

namespace Grants.Projections.Tests.GroupCommit;

/// <summary>Puts chosen commands into one group-commit batch, in a chosen order: each is decided, then waits at its
/// own gate; while an earlier append holds the committer at the chain head (<see cref="HeadHold"/>), the gates are
/// opened one by one — each command enters the committer's queue before its first await — and the head is let go,
/// so the committer's next batch is exactly these commands in this order.</summary>
internal sealed class BatchGate
{
    private readonly List<(TaskCompletionSource Gate, Task<Exception?> Outcome)> _commands = [];
    private int _decided;

    /// <param name="file">Files the command, calling its argument after deciding and before appending.</param>
    public void Add(Func<Func<Task>, Task> file)
    {
        // Continuations run inline when the gate opens: started on the thread pool, there is no context to post to.
        var gate = new TaskCompletionSource();
        _commands.Add((gate, Task.Run(() => Race.Outcome(() => file(() =>
        {
            Interlocked.Increment(ref _decided);
            return gate.Task;
        })))));
    }

    /// <summary>Runs <paramref name="blocker"/> into the held head, then lets the gated commands in, in order.</summary>
    /// <returns>How each gated command ended: null when it committed, else its refusal.</returns>
    public async Task<Exception?[]> Run(NpgsqlDataSource db, Func<Task> blocker)
    {
        await Eventually.Until(() => Task.FromResult(Volatile.Read(ref _decided) == _commands.Count), TimeSpan.FromSeconds(30),
            "every gated command decided");
        var hold = await HeadHold.Take(db);
        var blocked = blocker();
        await hold.UntilSomeoneWaits(blocked);
        foreach (var (gate, _) in _commands)
            gate.SetResult();
        await hold.DisposeAsync();
        await blocked;
        return await Task.WhenAll(_commands.Select(c => c.Outcome)).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
