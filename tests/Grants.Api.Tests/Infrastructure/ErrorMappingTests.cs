using System.Net.Sockets;
using Google.Rpc;
using Grants.Api.Errors;
using Grants.EventStore;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Grants.Api.Tests.Infrastructure;

public sealed class ErrorMappingTests
{
    [Fact]
    public void GivenFieldViolations_WhenMapped_ThenInvalidArgumentWithBadRequestListsEachField()
    {
        var error = ApiError.Invalid([new FieldViolation("amount_fen", "must be positive"), new FieldViolation("approved_on.month", "must be 1-12")])
            .ToRpcException();

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.Equal(["amount_fen", "approved_on.month"], badRequest.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void GivenALimitBreach_WhenMapped_ThenFailedPreconditionNamesTheLimitAndHeadroom()
    {
        const string message = "HP-2024-3 art.18 per-person cap 1,000,000.00 yuan: already awarded 700,000.00, requested 400,000.00, headroom 300,000.00";

        var error = ApiError.LimitBreached("HP-2024-3/18 per-person cap", message).ToRpcException();

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal("LIMIT", violation.Type);
        Assert.Equal("HP-2024-3/18 per-person cap", violation.Subject);
        Assert.Equal(message, violation.Description);
        Assert.Equal(message, error.Status.Detail);
    }

    [Fact]
    public void GivenAStateRule_WhenMapped_ThenFailedPreconditionOfTypeState()
    {
        var error = ApiError.WrongState("application APP-1", "application is withdrawn").ToRpcException();

        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal(("STATE", "application APP-1"), (violation.Type, violation.Subject));
    }

    [Fact]
    public void GivenAnUnknownId_WhenMapped_ThenNotFoundWithResourceInfo()
    {
        var error = ApiError.NotFound("application", "APP-404").ToRpcException();

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var info = error.GetRpcStatus()!.GetDetail<ResourceInfo>();
        Assert.Equal(("application", "APP-404"), (info.ResourceType, info.ResourceName));
    }

    [Theory]
    [InlineData(ApiErrorKind.AlreadyExists, StatusCode.AlreadyExists)]
    [InlineData(ApiErrorKind.PermissionDenied, StatusCode.PermissionDenied)]
    public void GivenOtherKinds_WhenMapped_ThenTheirStatus(ApiErrorKind kind, StatusCode expected)
    {
        Assert.Equal(expected, new ApiError(kind, "m").ToRpcException().StatusCode);
    }

    [Fact]
    public async Task GivenConflictsThatNeverClear_WhenRetried_ThenAbortedAfterTheBoundedAttempts()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<RpcException>(() => DomainErrors.RetryOnConflict<int>(() =>
        {
            attempts++;
            throw new ConcurrencyException("application-APP-1", 3, 4);
        }));

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(DomainErrors.ConflictAttempts, attempts);
    }

    private static async Task<RpcException> Intercept(Exception thrown, ServerCallContext? context = null)
    {
        var interceptor = new ExceptionInterceptor(NullLogger<ExceptionInterceptor>.Instance);
        return await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>("request",
            context ?? new TestCallContext("/grants.v1.ApplicationService/Approve"), (_, _) => throw thrown));
    }

    [Fact]
    public async Task GivenAnUnexpectedException_WhenIntercepted_ThenInternalWithAReferenceAndNoDetails()
    {
        var error = await Intercept(new InvalidOperationException("select secret from grants.events at Foo.Bar()"));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.StartsWith("internal error, reference ", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("select", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Null(error.GetRpcStatus());
    }

    [Fact]
    public async Task GivenAConnectionFailure_WhenIntercepted_ThenUnavailable()
    {
        var error = await Intercept(new NpgsqlException("Failed to connect to 127.0.0.1:1", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task GivenAnEscapedConcurrencyConflict_WhenIntercepted_ThenAborted()
    {
        Assert.Equal(StatusCode.Aborted, (await Intercept(new ConcurrencyException("s", 1, 2))).StatusCode);
    }

    [Fact]
    public async Task GivenAPassedDeadline_WhenTheHandlerIsCancelled_ThenDeadlineExceeded()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var context = new TestCallContext("/m/m", cancellationToken: cancelled.Token, deadline: DateTime.UtcNow.AddSeconds(-1));

        var error = await Intercept(new OperationCanceledException(cancelled.Token), context);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task GivenARefusal_WhenIntercepted_ThenItPassesUnchanged()
    {
        var refusal = ApiError.NotFound("measure", "X/1").ToRpcException();

        Assert.Same(refusal, await Intercept(refusal));
    }
}
