using Grants.Api.Auth;
using Grants.Api.Tests.Infrastructure;
using Grants.Testing;
using Grpc.Core;

namespace Grants.Api.Tests.Catalog;

/// <summary>A fresh database and the real server with one unrestricted key per role plus keys scoped to Pudong
/// (SH-PD), for the catalog, applicant and budget tests. The event and idempotency counts let a test prove that a
/// refused or replayed command wrote nothing.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    public static readonly TestApiKey PudongAdmin = new("pudong-admin", TestApiKey.NewKey(), [Roles.Admin], Jurisdictions: ["SH-PD"]);
    public static readonly TestApiKey PudongFinance = new("pudong-finance", TestApiKey.NewKey(), [Roles.Finance], Jurisdictions: ["SH-PD"]);
    public static readonly TestApiKey PudongPortal = new("pudong-portal", TestApiKey.NewKey(), [Roles.ApplicantPortal], Jurisdictions: ["SH-PD"]);

    private GrantsServer? _server;

    public DatabaseFixture Database { get; } = new();

    public GrantsServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _server = await GrantsServer.Start(Database.ConnectionString,
            keys: [.. TestApiKey.OnePerRole(), PudongAdmin, PudongFinance, PudongPortal]);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        await Database.DisposeAsync();
    }

    public TClient Client<TClient>(string role) where TClient : ClientBase<TClient> => Server.Client<TClient>(role);

    public TClient Client<TClient>(TestApiKey key) where TClient : ClientBase<TClient> =>
        (TClient)Activator.CreateInstance(typeof(TClient), Server.Invoker(key.Key))!;

    /// <summary>Events and remembered requests: both unchanged means nothing was written.</summary>
    public async Task<(long Events, long Requests)> WrittenSoFar()
    {
        await using var command = Database.DataSource.CreateCommand(
            "select (select count(*) from grants.events), (select count(*) from grants.idempotency)");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public static string NewRequestId() => Guid.NewGuid().ToString("N");
}
