using System.Reflection;
using Google.Protobuf;
using Grants.Api.Errors;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Grants.Api.Hosting;

/// <summary>Binds every gRPC service as grpc-dotnet's own binder does (the generated BindService, the service's
/// methods, their attributes as endpoint metadata), with one difference: grpc-dotnet parses a unary or server-streaming
/// request before any interceptor runs and answers bytes that are no message with UNKNOWN "Exception was thrown by
/// handler."; here they get INVALID_ARGUMENT naming the RPC and what is wrong with the bytes, and nothing runs.</summary>
internal sealed class StrictRequestBinding<TService> : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (BindMethod() is { } bind)
            bind.Invoke(null, [new Binder(context), null]);
    }

    /// <summary>The generated static BindService(ServiceBinderBase, TBase) named by the base class's attribute.</summary>
    private static MethodInfo? BindMethod()
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute)
                return attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static,
                    [typeof(ServiceBinderBase), type]);
        }
        return null;
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Strict(method), Metadata(method.Name),
                Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(ServerCallContext)));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Strict(method), Metadata(method.Name),
                Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest),
                    typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Strict(method), Metadata(method.Name),
                Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(IAsyncStreamReader<TRequest>),
                    typeof(ServerCallContext)));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Strict(method), Metadata(method.Name),
                Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(IAsyncStreamReader<TRequest>),
                    typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)));
    }

    private static Method<TRequest, TResponse> Strict<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class where TResponse : class
    {
        var parse = method.RequestMarshaller.ContextualDeserializer;
        var strict = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, body =>
        {
            try
            {
                return parse(body);
            }
            catch (InvalidProtocolBufferException e)
            {
                throw ApiError.Invalid("request", $"the body of {method.FullName} is not a valid message: {e.Message}").ToRpcException();
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, strict, method.ResponseMarshaller);
    }

    private static MethodInfo Implementation(string name, Type[] parameters) =>
        typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
        ?? throw new InvalidOperationException($"{typeof(TService).Name} has no method {name} for its gRPC service.");

    private static TDelegate Invoker<TDelegate>(string name, params Type[] parameters) where TDelegate : Delegate =>
        (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), null, Implementation(name, parameters));

    /// <summary>What grpc-dotnet's binder gives the endpoint: the service's attributes, then the method's.</summary>
    private static List<object> Metadata(string name)
    {
        var method = typeof(TService).GetMethods(BindingFlags.Public | BindingFlags.Instance).First(m => m.Name == name);
        return [.. typeof(TService).GetCustomAttributes(inherit: true), .. method.GetCustomAttributes(inherit: true)];
    }
}
