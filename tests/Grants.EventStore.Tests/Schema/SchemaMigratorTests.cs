using Grants.Testing;
using Npgsql;

namespace Grants.EventStore.Tests.Schema;

public sealed class SchemaMigratorTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly Migration[] Ledgers =
    [
        new("ledgers", 2, "alter table ledger_lines add column memo text"),
        new("ledgers", 1, "create table ledger_lines (id bigint primary key, amount_fen bigint not null)"),
    ];

    [Fact]
    public async Task GivenAnEmptyDatabase_WhenEightServersMigrateAtOnce_ThenEveryMigrationIsAppliedExactlyOnce()
    {
        var dataSource = await db.CreateEmptyDatabase();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => SchemaMigrator.Migrate(dataSource, Ledgers))));

        Assert.Equal(["event_store/1", "event_store/2", "event_store/3", "ledgers/1", "ledgers/2"], await Applied(dataSource));
        await using var insert = dataSource.CreateCommand("insert into ledger_lines values (1, 100, 'first')");
        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task GivenAMigratedDatabase_WhenMigratedAgainWithANewVersion_ThenOnlyTheNewVersionRuns()
    {
        var dataSource = await db.CreateDatabase(Ledgers);

        await SchemaMigrator.Migrate(dataSource, [.. Ledgers, new("ledgers", 3, "create index on ledger_lines (amount_fen)")]);
        await SchemaMigrator.Migrate(dataSource, Ledgers);

        Assert.Equal(["event_store/1", "event_store/2", "event_store/3", "ledgers/1", "ledgers/2", "ledgers/3"], await Applied(dataSource));
    }

    [Fact]
    public async Task GivenOneVersionDefinedTwiceDifferently_WhenMigrating_ThenRefused()
    {
        var dataSource = await db.CreateEmptyDatabase();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SchemaMigrator.Migrate(dataSource, [new("x", 1, "select 1"), new("x", 1, "select 2")]));
    }

    private static async Task<List<string>> Applied(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select component || '/' || version from grants.schema_migrations order by component, version");
        await using var reader = await command.ExecuteReaderAsync();
        var applied = new List<string>();
        while (await reader.ReadAsync())
            applied.Add(reader.GetString(0));
        return applied;
    }
}
