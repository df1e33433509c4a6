using Grants.Domain.Catalog;
using Grants.EventStore;
using Grants.Projections.Ledgers;
using Grants.Projections.Registration;
using Grants.Testing;
using Npgsql;

namespace Grants.Projections.Tests.Support;

/// <summary>A fresh database with the event store and ledger tables, a store running the ledger projection inline,
/// and the catalog stream seeded from seeds/ exactly as start-up does it (DecideSeed against an empty catalog).</summary>
internal sealed record LedgerDatabase(NpgsqlDataSource Db, PostgresEventStore Store, CommandDesk Desk)
{
    public static async Task<LedgerDatabase> Create(DatabaseFixture fixture)
    {
        var db = await fixture.CreateDatabase(GrantsProjections.Migrations);
        var store = new PostgresEventStore(db, GrantsEventTypes.Create(), GrantsProjections.Inline(), TimeProvider.System);
        var seedEvents = CatalogDecider.DecideSeed(PolicyCatalog.Empty, Seeds.Catalog);
        await store.Append(new StreamAppend(CatalogEvents.StreamId, CatalogEvents.StreamType, ExpectedVersion.NoStream, [.. seedEvents]),
            new EventMetadata("system:catalog-seed", "catalog-seed"));
        var catalog = CatalogDecider.Evolve(PolicyCatalog.Empty, seedEvents);
        return new LedgerDatabase(db, store, new CommandDesk(store, catalog));
    }

    public async Task<long> Head() => (await Store.Head()).Position;

    /// <summary>From now on the store's appends go through a group committer partitioned by budget line, as the
    /// server's do; the caller disposes it.</summary>
    public GroupCommitter GroupCommitted(int writers = 1, bool pipeline = true)
    {
        var committer = new GroupCommitter(Db, GrantsEventTypes.Create(), GrantsProjections.Inline(), TimeProvider.System,
            writers: writers, partitionOf: BudgetPartition.Of, pipeline: pipeline);
        Store.UseGroupCommit(committer);
        return committer;
    }
}
