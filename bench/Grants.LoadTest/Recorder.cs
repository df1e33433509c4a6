using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Grants.LoadTest;

/// <summary>Times every unary call made while <see cref="Measuring"/> is on and counts failures by status. As a
/// client interceptor it sees each call exactly as the caller does, including queueing in the channel.</summary>
public sealed class Recorder : Interceptor
{
    // When each call started as well as how long it took: whether slow calls come together (a stall of the server, the
    // database or the host) or spread out (queueing) is read from the starts.
    private readonly ConcurrentQueue<(long Started, long Ticks)> _calls = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);

    public volatile bool Measuring;

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public int Succeeded => _calls.Count;

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        if (!Measuring)
            return call;
        return new AsyncUnaryCall<TResponse>(Timed(call.ResponseAsync, Stopwatch.GetTimestamp()),
            call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private async Task<TResponse> Timed<TResponse>(Task<TResponse> response, long started)
    {
        try
        {
            var value = await response;
            _calls.Enqueue((started, Stopwatch.GetTimestamp() - started));
            return value;
        }
        catch (RpcException e)
        {
            _errors.AddOrUpdate(e.StatusCode.ToString(), 1, (_, n) => n + 1);
            throw;
        }
    }

    public LatencySummary Summary()
    {
        var all = _calls.Select(c => c.Ticks).ToArray();
        Array.Sort(all);
        double At(double q) => all.Length == 0 ? 0 : Ms(all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)]);
        return new LatencySummary(all.Length, At(0.50), At(0.95), At(0.99));
    }

    /// <summary>One line per successful timed call, in the order they started: milliseconds from the first start, then
    /// the call's latency in milliseconds (<c>--timeline</c>).</summary>
    public IEnumerable<string> Timeline()
    {
        var calls = _calls.ToArray();
        if (calls.Length == 0)
            yield break;
        Array.Sort(calls);
        var first = calls[0].Started;
        foreach (var (started, ticks) in calls)
            yield return FormattableString.Invariant($"{Ms(started - first):0.000} {Ms(ticks):0.000}");
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

public sealed record LatencySummary(int Count, double P50Ms, double P95Ms, double P99Ms);
