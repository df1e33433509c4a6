using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Grants.Cli.Connection;

/// <summary>One command's channel to the server, handing out generated clients authenticated for a role.</summary>
public sealed class GrantsConnection : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Lazy<ApiKeys> _keys;
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _cancellation;

    /// <param name="keys">Read when a client first needs a key, so `grants health` works without any.</param>
    public GrantsConnection(Uri address, Func<ApiKeys> keys, TimeSpan timeout, CancellationToken cancellation)
    {
        Address = address;
        _keys = new Lazy<ApiKeys>(keys);
        _timeout = timeout;
        _cancellation = cancellation;
        _channel = GrpcChannel.ForAddress(address);
    }

    public Uri Address { get; }

    /// <summary>A generated client (e.g. CatalogService.CatalogServiceClient) calling with the key for the first of
    /// <paramref name="roles"/> available.</summary>
    public TClient Client<TClient>(IReadOnlyList<string> roles) where TClient : ClientBase<TClient> =>
        Create<TClient>(_keys.Value.For(roles));

    public TClient Client<TClient>(string role) where TClient : ClientBase<TClient> => Client<TClient>([role]);

    /// <summary>A client that sends no credential (health, reflection).</summary>
    public TClient Anonymous<TClient>() where TClient : ClientBase<TClient> => Create<TClient>(null);

    public void Dispose() => _channel.Dispose();

    private TClient Create<TClient>(string? apiKey) where TClient : ClientBase<TClient>
    {
        var invoker = _channel.Intercept(new CallDefaults(apiKey, _timeout, _cancellation));
        return (TClient)Activator.CreateInstance(typeof(TClient), invoker)!;
    }
}
