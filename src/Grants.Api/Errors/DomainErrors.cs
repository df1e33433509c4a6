using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grants.Api.Telemetry;
using Grants.EventStore;
using Grpc.Core;

namespace Grants.Api.Errors;

/// <summary>The one place refusals become gRPC statuses with google.rpc details (read by clients with
/// Grpc.StatusProto's GetRpcStatus()).</summary>
public static class DomainErrors
{
    /// <summary>How many times a write that lost a race is tried in all, before ABORTED.</summary>
    public const int ConflictAttempts = 5;

    public static RpcException ToRpcException(this ApiError error)
    {
        if (error.Kind == ApiErrorKind.Limit)
            GrantsTelemetry.LimitRefusals.Add(1, new KeyValuePair<string, object?>("limit", error.Subject));

        var (code, detail) = error.Kind switch
        {
            ApiErrorKind.InvalidArgument => (Code.InvalidArgument, Any.Pack(new BadRequest
            {
                FieldViolations = { error.Fields.Select(f => new BadRequest.Types.FieldViolation { Field = f.Field, Description = f.Description }) },
            })),
            ApiErrorKind.Limit => (Code.FailedPrecondition, Precondition("LIMIT", error)),
            ApiErrorKind.State => (Code.FailedPrecondition, Precondition("STATE", error)),
            ApiErrorKind.NotFound => (Code.NotFound, Any.Pack(new ResourceInfo
            {
                ResourceType = error.Subject ?? "", ResourceName = error.ResourceName ?? "", Description = error.Message,
            })),
            ApiErrorKind.AlreadyExists => (Code.AlreadyExists, null),
            ApiErrorKind.PermissionDenied => (Code.PermissionDenied, null),
            _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, "Unknown error kind."),
        };
        var status = new Google.Rpc.Status { Code = (int)code, Message = error.Message };
        if (detail is not null)
            status.Details.Add(detail);
        return status.ToRpcException();
    }

    /// <summary>Runs a write, retrying it while it loses version races (each attempt must re-read what it decides
    /// on), then gives up with ABORTED. The idempotency guard already does this; use it directly only for writes
    /// outside the guard.</summary>
    public static async Task<T> RetryOnConflict<T>(Func<Task<T>> write, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (ConcurrencyException) when (attempt < ConflictAttempts)
            {
                // A short random pause spreads out writers that collided, so they do not collide again in lockstep.
                await System.Threading.Tasks.Task.Delay(Random.Shared.Next(2, 10 * attempt), ct);
            }
            catch (ConcurrencyException conflict)
            {
                throw Aborted(conflict);
            }
        }
    }

    public static RpcException Aborted(ConcurrencyException conflict) =>
        new(new Grpc.Core.Status(StatusCode.Aborted,
            $"'{conflict.StreamId}' kept changing under concurrent writes ({ConflictAttempts} attempts); retry with the same request_id"));

    public static RpcException Internal(string reference) =>
        new(new Grpc.Core.Status(StatusCode.Internal, $"internal error, reference {reference}"));

    public static RpcException Unavailable() =>
        new(new Grpc.Core.Status(StatusCode.Unavailable, "the database is unavailable; retry later with the same request_id"));

    private static Any Precondition(string type, ApiError error) => Any.Pack(new PreconditionFailure
    {
        Violations = { new PreconditionFailure.Types.Violation { Type = type, Subject = error.Subject ?? "", Description = error.Message } },
    });
}
