using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Grants.Api.Tests.Reliability.Fuzz;

/// <summary>Calls any contract method with raw message bytes, whatever its kind, so one code path sends both
/// well-formed random messages (serialised first) and bytes that are no message at all.</summary>
public static class RawCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static async Task<Status> Call(CallInvoker invoker, MethodDescriptor rpc, IReadOnlyList<byte[]> messages, TimeSpan deadline)
    {
        var type = (rpc.IsClientStreaming, rpc.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        var method = new Method<byte[], byte[]>(type, rpc.Service.FullName, rpc.Name, Bytes, Bytes);
        var options = new CallOptions(deadline: DateTime.UtcNow + deadline);
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, messages[0]);
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, messages[0]))
                        while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
                    break;
                case MethodType.DuplexStreaming:
                    using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        foreach (var message in messages)
                            await call.RequestStream.WriteAsync(message);
                        await call.RequestStream.CompleteAsync();
                        while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
                    }
                    break;
                default:
                    using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        foreach (var message in messages)
                            await call.RequestStream.WriteAsync(message);
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseAsync;
                    }
                    break;
            }
            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }
}
