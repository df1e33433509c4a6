using System.Collections.Concurrent;

namespace Grants.History.Writing;

/// <summary>Applications that stopped on an exception (a decider or ledger refusal means a generator bug). The first
/// few are printed; after <see cref="Limit"/> the writers stop, and any failure makes the exit status non-zero.</summary>
public sealed class Failures
{
    public const int Limit = 100;

    private readonly ConcurrentQueue<Exception> _seen = new();

    public int Count => _seen.Count;

    public void Add(Exception e)
    {
        _seen.Enqueue(e);
        if (_seen.Count <= 5)
            Console.Error.WriteLine($"history: an application stopped: {e.GetType().Name}: {e.Message}");
    }
}
