using System.Diagnostics;
using System.Net.Sockets;
using Grants.Api.Commands;
using Grants.EventStore;
using Grants.Projections.Ledgers;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Npgsql;

namespace Grants.Api.Errors;

/// <summary>The last line: a refusal the services raised passes unchanged; a lost race that escaped the retry
/// becomes ABORTED; an unreachable database UNAVAILABLE; anything else INTERNAL with a reference to the logged
/// trace, never a stack trace or SQL text.</summary>
public sealed partial class ExceptionInterceptor(ILogger<ExceptionInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request,
        ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(context.Deadline <= DateTime.UtcNow
                    ? new Status(StatusCode.DeadlineExceeded, "deadline exceeded")
                    : new Status(StatusCode.Cancelled, "call cancelled"));
            case Google.Protobuf.InvalidProtocolBufferException:
                // A streamed message is read inside the handler; bytes that are no message are the caller's fault.
                return new RpcException(new Status(StatusCode.InvalidArgument, "the request is not a valid protobuf message"));
            case ConcurrencyException conflict:
                return DomainErrors.Aborted(conflict);
            case CommandRefusedException refused:
                return refused.Error.ToApiError(context.Method).ToRpcException();
            case LedgerRefusedException refused:
                return refused.Error.ToApiError(context.Method).ToRpcException();
            case var e when IsDatabaseUnreachable(e):
                LogUnavailable(logger, context.Method, exception.GetType().Name);
                return DomainErrors.Unavailable();
            default:
                var reference = Activity.Current?.TraceId.ToHexString() ?? context.GetHttpContext().TraceIdentifier;
                LogInternal(logger, exception, context.Method, reference);
                return DomainErrors.Internal(reference);
        }
    }

    /// <summary>Connection failures, as opposed to errors PostgreSQL reports about a statement.</summary>
    internal static bool IsDatabaseUnreachable(Exception exception) => exception switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception class
                               || p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                                   or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        NpgsqlException n => n.InnerException is SocketException or IOException or TimeoutException || n.IsTransient,
        SocketException => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed: database unreachable ({ExceptionType})")]
    private static partial void LogUnavailable(ILogger logger, string method, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed with an unexpected error, reference {Reference}")]
    private static partial void LogInternal(ILogger logger, Exception exception, string method, string reference);
}
