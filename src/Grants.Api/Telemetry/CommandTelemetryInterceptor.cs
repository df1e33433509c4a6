using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Grants.Api.Telemetry;

/// <summary>Traces and counts every command (an RPC whose request carries a request_id): an activity
/// "grants.command {Rpc}" under ASP.NET Core's request activity, and grants.commands{command,outcome}.</summary>
public sealed class CommandTelemetryInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request,
        ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!IsCommand(request))
            return await continuation(request, context);

        var command = context.Method[(context.Method.LastIndexOf('/') + 1)..];
        using var activity = GrantsTelemetry.Source.StartActivity($"grants.command {command}");
        activity?.SetTag("grants.command", command);
        try
        {
            var response = await continuation(request, context);
            Count(command, StatusCode.OK, activity);
            return response;
        }
        catch (RpcException e)
        {
            Count(command, e.StatusCode, activity);
            throw;
        }
        catch (Exception)
        {
            Count(command, StatusCode.Internal, activity);
            throw;
        }
    }

    private static bool IsCommand<TRequest>(TRequest request) =>
        request is Google.Protobuf.IMessage message && message.Descriptor.FindFieldByNumber(1)?.Name == "request_id";

    private static void Count(string command, StatusCode code, Activity? activity)
    {
        var outcome = Outcome(code);
        activity?.SetTag("grants.outcome", outcome);
        if (code != StatusCode.OK)
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
        GrantsTelemetry.Commands.Add(1,
            new KeyValuePair<string, object?>("command", command),
            new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>"ok", "failed_precondition", …: the status in snake case, as OpenTelemetry conventions write it.</summary>
    internal static string Outcome(StatusCode code) => code switch
    {
        StatusCode.OK => "ok",
        StatusCode.InvalidArgument => "invalid_argument",
        StatusCode.FailedPrecondition => "failed_precondition",
        StatusCode.NotFound => "not_found",
        StatusCode.AlreadyExists => "already_exists",
        StatusCode.Aborted => "aborted",
        StatusCode.PermissionDenied => "permission_denied",
        StatusCode.Unauthenticated => "unauthenticated",
        StatusCode.Unavailable => "unavailable",
        StatusCode.DeadlineExceeded => "deadline_exceeded",
        StatusCode.Cancelled => "cancelled",
        StatusCode.ResourceExhausted => "resource_exhausted",
        StatusCode.Unimplemented => "unimplemented",
        _ => "internal",
    };
}
