using Grants.EventStore;
using Npgsql;
using Xunit;

namespace Grants.Testing;

/// <summary>A fresh database per test class on the shared test cluster, with the event-store schema migrated;
/// CreateDatabase gives further fresh databases. All are dropped when the class is done.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly List<(string Name, NpgsqlDataSource Source)> _databases = [];
    private readonly Lock _gate = new();
    private NpgsqlDataSource? _dataSource;

    public string ConnectionString => DataSource.ConnectionString;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    public async Task InitializeAsync() => _dataSource = await CreateDatabase();

    public async Task<NpgsqlDataSource> CreateDatabase(IEnumerable<Migration>? extraMigrations = null)
    {
        var source = await CreateEmptyDatabase();
        await SchemaMigrator.Migrate(source, extraMigrations ?? []);
        return source;
    }

    /// <summary>A fresh database without any schema, for tests of the migrator itself.</summary>
    public async Task<NpgsqlDataSource> CreateEmptyDatabase()
    {
        var cluster = await TestCluster.Shared();
        var name = "t_" + Guid.NewGuid().ToString("N");
        await Admin(cluster, $"create database {name}");
        var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(cluster.ConnectionString)
        {
            Database = name,
            MaxPoolSize = 40,
        }.ConnectionString);
        lock (_gate)
            _databases.Add((name, source));
        return source;
    }

    public async Task DisposeAsync()
    {
        List<(string Name, NpgsqlDataSource Source)> databases;
        lock (_gate)
            databases = [.. _databases];
        var cluster = await TestCluster.Shared();
        foreach (var (name, source) in databases)
        {
            await source.DisposeAsync();
            await Admin(cluster, $"drop database if exists {name} with (force)");
        }
    }

    private static async Task Admin(EmbeddedPostgres cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
