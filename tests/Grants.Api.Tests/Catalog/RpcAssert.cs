using Google.Rpc;
using Grpc.Core;

namespace Grants.Api.Tests.Catalog;

/// <summary>Assertions on refused calls and the google.rpc details they carry.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> Refused(StatusCode expected, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(error.StatusCode == expected, $"expected {expected}, got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    /// <returns>The fields named by the BadRequest detail.</returns>
    public static async Task<IReadOnlyList<string>> InvalidFields(Func<Task> call)
    {
        var error = await Refused(StatusCode.InvalidArgument, call);
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field)];
    }

    public static async Task<PreconditionFailure.Types.Violation> Precondition(string type, Func<Task> call)
    {
        var error = await Refused(StatusCode.FailedPrecondition, call);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal(type, violation.Type);
        return violation;
    }
}
