using System.Buffers.Text;
using System.Security.Cryptography;
using Grants.Api.Auth;
using Grants.Api.Hosting;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Grants.Api.Tests.Infrastructure;

/// <summary>An API key a test server accepts: the plain key stays in the test, the server gets only its hash.</summary>
public sealed record TestApiKey(string Name, string Key, IReadOnlyList<string> Roles,
                                IReadOnlyList<string>? Bureaus = null, IReadOnlyList<string>? Jurisdictions = null)
{
    /// <summary>A random key with one role and unrestricted scope.</summary>
    public static TestApiKey ForRole(string role, string? name = null) =>
        new(name ?? $"test-{role}", NewKey(), [role], Jurisdictions: [CallerScope.Everything]);

    /// <summary>One unrestricted key per role, named "test-{role}".</summary>
    public static IReadOnlyList<TestApiKey> OnePerRole() => [.. Auth.Roles.All.Select(r => ForRole(r))];

    public static string NewKey() => "tk_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
}

/// <summary>The real server (the same composition as Program.cs) on a free loopback port with Kestrel, against a
/// given database, for tests that call it with Grpc.Net.Client. Start it again on the same database to test a
/// restart.</summary>
public sealed class GrantsServer : IAsyncDisposable
{
    private readonly Dictionary<string, TestApiKey> _keysByRole;

    private GrantsServer(WebApplication app, Uri address, IReadOnlyList<TestApiKey> keys)
    {
        App = app;
        Address = address;
        Keys = keys;
        Channel = GrpcChannel.ForAddress(address);
        _keysByRole = keys.SelectMany(k => k.Roles.Select(r => (Role: r, Key: k)))
            .GroupBy(x => x.Role).ToDictionary(g => g.Key, g => g.First().Key);
    }

    /// <summary>The personal ID hashing key every test server uses (an explicit database needs one); one per test
    /// run, so a restarted server still recognises the persons registered before.</summary>
    public static readonly string PersonalIdKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public WebApplication App { get; }
    public Uri Address { get; }
    public IReadOnlyList<TestApiKey> Keys { get; }
    public GrpcChannel Channel { get; }

    /// <param name="connectionString">The database (e.g. a DatabaseFixture's); it always wins over the embedded cluster.</param>
    /// <param name="keys">Keys to configure; default one per role (<see cref="TestApiKey.OnePerRole"/>).</param>
    /// <param name="settings">Further configuration, e.g. "Grants:Tls:CertificatePath".</param>
    /// <param name="configure">Runs before the server's own composition: add or replace services here.</param>
    public static async Task<GrantsServer> Start(string connectionString, IReadOnlyList<TestApiKey>? keys = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        keys ??= TestApiKey.OnePerRole();
        var configuration = new Dictionary<string, string?>
        {
            ["GRANTS_DB"] = connectionString,
            ["GRANTS_URLS"] = "http://127.0.0.1:0",
            ["Grants:DevKeys"] = "false",
            ["Grants:PersonalIdKey"] = PersonalIdKey,
        };
        foreach (var (key, index) in keys.Select((k, i) => (k, i)))
        {
            var prefix = $"Grants:ApiKeys:{index}:";
            configuration[prefix + "Name"] = key.Name;
            configuration[prefix + "Sha256"] = ApiKey.Hash(key.Key);
            Fill(configuration, prefix + "Roles", key.Roles);
            Fill(configuration, prefix + "Bureaus", key.Bureaus ?? []);
            Fill(configuration, prefix + "Jurisdictions", key.Jurisdictions ?? []);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        var app = await GrantsApp.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            if (Environment.GetEnvironmentVariable("GRANTS_TEST_LOGS") is null)
                builder.Logging.ClearProviders();
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        return new GrantsServer(app, address, keys);
    }

    /// <summary>A call invoker that sends the given key as "authorization: Bearer …"; null sends no credential.</summary>
    public CallInvoker Invoker(string? apiKey) =>
        apiKey is null
            ? Channel.CreateCallInvoker()
            : Channel.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {apiKey}");
                return metadata;
            });

    /// <summary>A call invoker authenticated with the first configured key that has the role.</summary>
    public CallInvoker As(string role) =>
        Invoker(_keysByRole.TryGetValue(role, out var key) ? key.Key
            : throw new ArgumentException($"No test key has role '{role}'.", nameof(role)));

    /// <summary>A generated client (e.g. ApplicationService.ApplicationServiceClient) authenticated for the role.</summary>
    public TClient Client<TClient>(string role) where TClient : ClientBase<TClient> =>
        (TClient)Activator.CreateInstance(typeof(TClient), As(role))!;

    /// <summary>A generated client that sends no credential.</summary>
    public TClient Anonymous<TClient>() where TClient : ClientBase<TClient> =>
        (TClient)Activator.CreateInstance(typeof(TClient), Invoker(null))!;

    /// <summary>Graceful stop: in-flight calls finish, then the database connections close.</summary>
    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static void Fill(Dictionary<string, string?> configuration, string prefix, IEnumerable<string> values)
    {
        foreach (var (value, index) in values.Select((v, i) => (v, i)))
            configuration[$"{prefix}:{index}"] = value;
    }
}
