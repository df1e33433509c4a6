using Grants.Api.Auth;
using Grants.Api.Tests.Infrastructure;
using Grants.Contracts.V1;
using Grants.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Grants.Api.Tests.Finance.Support;

/// <summary>A server with a small generated month seeded and nothing imported yet.</summary>
public abstract class SeededServerFixture(int awards, int seed) : IAsyncLifetime
{
    private readonly GrantsServerFixture _server = new();

    internal PaymentMonth Month { get; } = PaymentMonth.Generate(awards, seed);

    public GrantsServer Server => _server.Server;

    public string ConnectionString => _server.Database.ConnectionString;

    public PostgresEventStore Store => Server.App.Services.GetRequiredService<PostgresEventStore>();

    public NpgsqlDataSource Database => _server.Database.DataSource;

    public ReconciliationService.ReconciliationServiceClient Finance => Server.Client<ReconciliationService.ReconciliationServiceClient>(Roles.Finance);

    public ReconciliationService.ReconciliationServiceClient Auditor => Server.Client<ReconciliationService.ReconciliationServiceClient>(Roles.Auditor);

    public virtual async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        await Month.Seed(await LedgerSeeder.For(Server));
    }

    public Task DisposeAsync() => _server.DisposeAsync();
}

public sealed class RaceFixture() : SeededServerFixture(awards: 160, seed: 7);

/// <summary>Seeded, with its statement imported once.</summary>
public sealed class ItemsFixture() : SeededServerFixture(awards: 60, seed: 11)
{
    public ImportStatementResponse FirstImport { get; private set; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        FirstImport = await Statements.Import(Finance, "icbc-2025-04.csv", Month.Statement);
    }
}
