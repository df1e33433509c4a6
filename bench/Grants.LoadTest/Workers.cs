using Grpc.Core;

namespace Grants.LoadTest;

/// <summary>N callers taking the next item until none is left. A refused call is counted by the recorder and the
/// caller moves on: the benchmark measures the server, it does not stop at the first refusal.</summary>
public static class Workers
{
    public static async Task<T?[]> Run<T>(int count, int clients, Func<int, Task<T>> work) where T : class
    {
        var results = new T?[count];
        var next = -1;
        async Task Caller()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    results[i] = await work(i);
                }
                catch (RpcException)
                {
                    results[i] = null;
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, clients)).Select(_ => Task.Run(Caller)));
        return results;
    }
}
