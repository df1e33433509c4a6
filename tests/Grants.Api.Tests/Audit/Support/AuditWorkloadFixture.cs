using Grants.Api.Tests.Infrastructure;
using Grants.Testing;

namespace Grants.Api.Tests.Audit.Support;

/// <summary>One server and database with a randomized workload of 300 applications, shared by the audit tests that
/// only read. Two ledger snapshots are taken on the way: one while no writer runs (with the time, for replays "as of
/// a moment"), one while four writers are appending (with its position, for replays "through a position").</summary>
public sealed class AuditWorkloadFixture : IAsyncLifetime
{
    public const int Seed = 20251231;

    private readonly GrantsServerFixture _server = new();

    public GrantsServer Server => _server.Server;

    public DatabaseFixture Database => _server.Database;

    internal LedgerSnapshot QuietSnapshot { get; private set; } = null!;

    public DateTimeOffset QuietMoment { get; private set; }

    internal LedgerSnapshot BusySnapshot { get; private set; } = null!;

    public int Applications { get; private set; }

    public int Refused { get; private set; }

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        var desk = new AuditDesk(Server);
        var workload = new AuditWorkload(desk, Seed);
        await workload.Prepare(applicants: 40);
        await workload.Run(first: 1, count: 150, lanes: 4);

        QuietMoment = DateTimeOffset.UtcNow;
        QuietSnapshot = await LedgerSnapshot.Take(Database.DataSource);

        var writers = workload.Run(first: 151, count: 150, lanes: 4);
        await Eventually.Until(async () => (await desk.Store.Head()).Position >= QuietSnapshot.Position + 300 || writers.IsCompleted,
            TimeSpan.FromSeconds(120), "the second half of the workload to write 300 events");
        BusySnapshot = await LedgerSnapshot.Take(Database.DataSource);
        await writers;
        Applications = workload.Applications;
        Refused = workload.Refused;
    }

    public Task DisposeAsync() => _server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AuditWorkloadCollection : ICollectionFixture<AuditWorkloadFixture>
{
    public const string Name = "audit workload";
}
