using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grants.Cli.Output;
using Grpc.Core;
using Status = Google.Rpc.Status;

namespace Grants.Cli.Tests.Output;

public sealed class RpcErrorTextTests
{
    [Fact]
    public void GivenTwoBadFields_WhenDescribed_ThenOneLineNamingEachFieldOnce()
    {
        var error = Refusal(Code.InvalidArgument, "2 invalid fields: amount_fen: must be more than zero; approved_on.month: must be 1-12",
            new BadRequest
            {
                FieldViolations =
                {
                    new BadRequest.Types.FieldViolation { Field = "amount_fen", Description = "must be more than zero" },
                    new BadRequest.Types.FieldViolation { Field = "approved_on.month", Description = "must be 1-12" },
                },
            });

        var line = RpcErrorText.Describe(error);

        Assert.Equal("INVALID_ARGUMENT: 2 invalid fields: amount_fen: must be more than zero; approved_on.month: must be 1-12", line);
        Assert.DoesNotContain('\n', line);
        Assert.Equal(ExitCodes.Refused, RpcErrorText.ExitCode(error));
    }

    [Fact]
    public void GivenALimitRefusal_WhenDescribed_ThenTheLimitAndItsHeadroom()
    {
        const string headroom = "cap 1,000,000.00 yuan, used 900,000.00, requested 200,000.00, headroom 100,000.00";
        var error = Refusal(Code.FailedPrecondition, headroom, new PreconditionFailure
        {
            Violations = { new PreconditionFailure.Types.Violation { Type = "LIMIT", Subject = "HP-2024-3/18 per-person cap", Description = headroom } },
        });

        Assert.Equal($"FAILED_PRECONDITION: LIMIT HP-2024-3/18 per-person cap: {headroom}", RpcErrorText.Describe(error));
    }

    [Fact]
    public void GivenAStateRefusalWithADifferentMessage_WhenDescribed_ThenBothMessageAndViolation()
    {
        var error = Refusal(Code.FailedPrecondition, "cannot approve", new PreconditionFailure
        {
            Violations = { new PreconditionFailure.Types.Violation { Type = "STATE", Subject = "application HP-2026-000001", Description = "application is withdrawn" } },
        });

        Assert.Equal("FAILED_PRECONDITION: cannot approve; STATE application HP-2026-000001: application is withdrawn",
            RpcErrorText.Describe(error));
    }

    [Fact]
    public void GivenNotFound_WhenDescribed_ThenTheServersMessage()
    {
        var error = Refusal(Code.NotFound, "application 'HP-2026-999999' not found",
            new ResourceInfo { ResourceType = "application", ResourceName = "HP-2026-999999" });

        Assert.Equal("NOT_FOUND: application 'HP-2026-999999' not found", RpcErrorText.Describe(error));
    }

    [Fact]
    public void GivenAnUnreachableServer_WhenDescribed_ThenAHintAndTheUnavailableExitCode()
    {
        var error = new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "Error connecting to subchannel."));

        var line = RpcErrorText.Describe(error, new Uri("http://127.0.0.1:5077"));

        Assert.StartsWith("UNAVAILABLE: Error connecting to subchannel. (is the server running at http://127.0.0.1:5077/?", line);
        Assert.Equal(ExitCodes.Unavailable, RpcErrorText.ExitCode(error));
    }

    [Theory]
    [InlineData(StatusCode.FailedPrecondition, "FAILED_PRECONDITION")]
    [InlineData(StatusCode.PermissionDenied, "PERMISSION_DENIED")]
    [InlineData(StatusCode.OK, "OK")]
    [InlineData(StatusCode.Unauthenticated, "UNAUTHENTICATED")]
    public void GivenAStatusCode_WhenNamed_ThenAsTheGrpcSpecificationSpellsIt(StatusCode code, string name) =>
        Assert.Equal(name, RpcErrorText.CodeName(code));

    private static RpcException Refusal(Code code, string message, Google.Protobuf.IMessage detail) =>
        new Status { Code = (int)code, Message = message, Details = { Any.Pack(detail) } }.ToRpcException();
}
