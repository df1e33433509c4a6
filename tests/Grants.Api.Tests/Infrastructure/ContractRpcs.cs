using Google.Protobuf.Reflection;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Tests.Infrastructure;

/// <summary>Every RPC of the grants.v1 contract, found by reflection over the generated file descriptors, so a new
/// RPC is covered by the authentication tests the moment it is added to a .proto file.</summary>
public static class ContractRpcs
{
    public static readonly IReadOnlyList<string> FullMethods = typeof(Date).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.Namespace == typeof(Date).Namespace)
        .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
        .SelectMany(file => file.Services)
        .SelectMany(service => service.Methods.Select(m => $"/{service.FullName}/{m.Name}"))
        .Order(StringComparer.Ordinal)
        .ToList();

    public static TheoryData<string> All() => new(FullMethods);

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <summary>Calls a method with an empty message, whatever its types: enough for anything decided before the
    /// request is read (authentication, authorization).</summary>
    public static async Task<StatusCode> CallEmpty(CallInvoker invoker, string fullMethod)
    {
        var parts = fullMethod.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = new Method<byte[], byte[]>(MethodType.Unary, parts[0], parts[1], Bytes, Bytes);
        try
        {
            await invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20)), []);
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
