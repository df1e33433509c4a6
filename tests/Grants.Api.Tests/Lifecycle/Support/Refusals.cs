using Google.Rpc;
using Grpc.Core;

namespace Grants.Api.Tests.Lifecycle.Support;

/// <summary>Asserts on refused calls and reads their google.rpc details.</summary>
public static class Refusals
{
    public static async Task<RpcException> Expect(StatusCode code, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(e.StatusCode == code, $"expected {code}, got {e.StatusCode}: {e.Status.Detail}");
        return e;
    }

    public static async Task<PreconditionFailure.Types.Violation> Precondition(string type, Func<Task> call)
    {
        var e = await Expect(StatusCode.FailedPrecondition, call);
        var violation = Assert.Single(e.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(type, violation.Type);
        return violation;
    }

    /// <summary>The fields named by an INVALID_ARGUMENT.</summary>
    public static async Task<IReadOnlyList<string>> InvalidFields(Func<Task> call)
    {
        var e = await Expect(StatusCode.InvalidArgument, call);
        return [.. e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field)];
    }
}
