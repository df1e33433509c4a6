using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Grants.LoadTest;

/// <summary>Times every unary call made while <see cref="Measuring"/> is on and counts failures by status. As a
/// client interceptor it sees each call exactly as the caller does, including queueing in the channel.</summary>
public sealed class Recorder : Interceptor
{
    private readonly ConcurrentQueue<long> _ticks = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);

    public volatile bool Measuring;

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public int Succeeded => _ticks.Count;

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
            _ticks.Enqueue(Stopwatch.GetTimestamp() - started);
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
        var all = _ticks.ToArray();
        Array.Sort(all);
        double Ms(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        return new LatencySummary(all.Length, Ms(0.50), Ms(0.95), Ms(0.99));
    }
}

public sealed record LatencySummary(int Count, double P50Ms, double P95Ms, double P99Ms);
