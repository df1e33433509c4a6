using Grants.Api.Auth;
using Grants.Api.Tests.Infrastructure;
using Grants.Contracts.V1;
using Grants.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Api.Tests.Finance.Support;

/// <summary>A server with a generated month of payments seeded, and its April statement imported once through the
/// RPC; the tests read what that import did. Re-imports and refused imports run against it too: they must change
/// nothing, so the order of the tests does not matter.</summary>
public sealed class MonthFixture : IAsyncLifetime
{
    private readonly GrantsServerFixture _server = new();

    internal PaymentMonth Month { get; } = PaymentMonth.Generate(awards: 1_060, seed: 2025_04);

    public GrantsServer Server => _server.Server;

    public ImportStatementResponse FirstImport { get; private set; } = new();

    public PostgresEventStore Store => Server.App.Services.GetRequiredService<PostgresEventStore>();

    public ReconciliationService.ReconciliationServiceClient Finance => Server.Client<ReconciliationService.ReconciliationServiceClient>(Roles.Finance);

    public ReconciliationService.ReconciliationServiceClient Auditor => Server.Client<ReconciliationService.ReconciliationServiceClient>(Roles.Auditor);

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        await Month.Seed(await LedgerSeeder.For(Server));
        FirstImport = await Statements.Import(Finance, "icbc-2025-04.csv", Month.Statement);
    }

    public Task DisposeAsync() => _server.DisposeAsync();
}
