using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Grants.Cli.Connection;

/// <summary>Adds what every call of a command needs: the bearer key, a deadline (a hung server must not hang a
/// script) and the command's cancellation (Ctrl+C).</summary>
internal sealed class CallDefaults(string? apiKey, TimeSpan timeout, CancellationToken cancellation) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, With(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, With(context, streaming: true));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(With(context, streaming: true));

    // Streams (audit follow, statement import) may run as long as the operator wants: no deadline for them.
    private ClientInterceptorContext<TRequest, TResponse> With<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, bool streaming = false)
        where TRequest : class where TResponse : class
    {
        var options = context.Options;
        var headers = options.Headers ?? [];
        if (apiKey is not null)
            headers.Add("authorization", $"Bearer {apiKey}");
        options = options.WithHeaders(headers);
        if (options.Deadline is null && !streaming)
            options = options.WithDeadline(DateTime.UtcNow + timeout);
        if (!options.CancellationToken.CanBeCanceled)
            options = options.WithCancellationToken(cancellation);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
    }
}
