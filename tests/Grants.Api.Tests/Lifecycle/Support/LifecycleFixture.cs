using Grants.Api.Auth;
using Grants.Api.Tests.Infrastructure;
using Grants.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Api.Tests.Lifecycle.Support;

/// <summary>xunit class fixture: a fresh database and the real server on it, one key per role, with the server's
/// clock at <see cref="TestClock.June2nd2025"/>. (GrantsServerFixture runs on the machine's clock; submissions are
/// dated "today", which must fall inside a policy's window for these tests to mean the same every year.)</summary>
public class LifecycleFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?>? _settings;
    private GrantsServer? _server;

    public LifecycleFixture()
        : this(null)
    {
    }

    /// <param name="settings">Server configuration on top of the test defaults.</param>
    protected LifecycleFixture(IReadOnlyDictionary<string, string?>? settings) => _settings = settings;

    public DatabaseFixture Database { get; } = new();

    public TestClock Clock { get; } = new(TestClock.June2nd2025);

    public GrantsServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    public GrantsDesk Desk => new(Server, Database.DataSource);

    /// <summary>Keys scoped to 区科委 (HP-STC) only, besides the unrestricted key per role.</summary>
    public static TestApiKey StcAuditor { get; } = new("stc-auditor", TestApiKey.NewKey(), [Roles.Auditor], Bureaus: [Officers.Stc]);

    public static TestApiKey StcApprover { get; } = new("stc-approver", TestApiKey.NewKey(), [Roles.Approver], Bureaus: [Officers.Stc]);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _server = await StartServer();
    }

    /// <summary>Stops the server gracefully and starts a new one on the same database, as after a deployment.</summary>
    public async Task Restart()
    {
        await Server.DisposeAsync();
        _server = null;
        _server = await StartServer();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        await Database.DisposeAsync();
    }

    private Task<GrantsServer> StartServer() =>
        GrantsServer.Start(Database.ConnectionString, [.. TestApiKey.OnePerRole(), StcAuditor, StcApprover], _settings, configure: builder => builder.Services.AddSingleton<TimeProvider>(Clock));
}
