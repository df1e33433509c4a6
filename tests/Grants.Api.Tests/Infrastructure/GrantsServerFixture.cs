using Grants.Testing;

namespace Grants.Api.Tests.Infrastructure;

/// <summary>xunit class fixture: a fresh database and the server on it, with one unrestricted key per role.</summary>
public sealed class GrantsServerFixture : IAsyncLifetime
{
    private GrantsServer? _server;

    public DatabaseFixture Database { get; } = new();

    public GrantsServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _server = await GrantsServer.Start(Database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        await Database.DisposeAsync();
    }
}
