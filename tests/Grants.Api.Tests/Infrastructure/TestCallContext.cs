using Grants.Api.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Grants.Api.Tests.Infrastructure;

/// <summary>A ServerCallContext for calling server components directly, with an authenticated caller attached the
/// way the middleware attaches it (GetHttpContext() reads the "__HttpContext" user state).</summary>
public sealed class TestCallContext : ServerCallContext
{
    private readonly CancellationToken _cancellationToken;
    private readonly DateTime _deadline;

    public TestCallContext(string method, CallerContext? caller = null, CancellationToken cancellationToken = default,
                           DateTime? deadline = null)
    {
        MethodCore = method;
        _cancellationToken = cancellationToken;
        _deadline = deadline ?? DateTime.MaxValue;
        var http = new DefaultHttpContext();
        if (caller is not null)
            http.Features.Set(caller);
        UserState["__HttpContext"] = http;
    }

    public static CallerContext Caller(string name, params string[] roles) =>
        new(name, roles.ToHashSet(), CallerScope.All, new CatalogBureauDirectory(() => Domain.Catalog.PolicyCatalog.Empty));

    protected override string MethodCore { get; }
    protected override string HostCore => "127.0.0.1";
    protected override string PeerCore => "ipv4:127.0.0.1:1";
    protected override DateTime DeadlineCore => _deadline;
    protected override Metadata RequestHeadersCore { get; } = [];
    protected override CancellationToken CancellationTokenCore => _cancellationToken;
    protected override Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("Not used by these tests.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
