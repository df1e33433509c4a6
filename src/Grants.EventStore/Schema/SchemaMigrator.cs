using Npgsql;

namespace Grants.EventStore;

/// <summary>Brings the database up to date at start-up. Everything runs in one transaction under a transaction-level
/// advisory lock, so two servers starting at once apply each migration exactly once: the second waits, then sees the
/// first one's rows in schema_migrations and has nothing left to do.</summary>
public static class SchemaMigrator
{
    // Arbitrary but fixed: every Grants process must contend for the same key.
    private const long AdvisoryLockKey = 0x4752_414E_5453_0001; // "GRANTS" + 1

    private const string Bootstrap = """
        create schema if not exists grants;
        create table if not exists grants.schema_migrations (
            component  text        not null,
            version    int         not null,
            applied_at timestamptz not null default now(),
            primary key (component, version));
        """;

    public static async Task Migrate(NpgsqlDataSource dataSource, IEnumerable<Migration> extra, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var plan = Plan(EventStoreSchema.Migrations.Concat(extra ?? []));

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Execute(connection, transaction, "select pg_advisory_xact_lock($1)", ct, AdvisoryLockKey);
        // Created only under the lock: two concurrent "create table if not exists" can still collide in pg_type.
        await Execute(connection, transaction, Bootstrap, ct);

        var applied = await AppliedVersions(connection, transaction, ct);
        foreach (var migration in plan.Where(m => !applied.Contains((m.Component, m.Version))))
        {
            await Execute(connection, transaction, migration.Sql, ct);
            await Execute(connection, transaction,
                "insert into grants.schema_migrations(component, version) values ($1, $2)", ct,
                migration.Component, migration.Version);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Components run in the order they first appear (the store's own first, so others may reference its
    /// tables); inside a component, by version.</summary>
    private static List<Migration> Plan(IEnumerable<Migration> migrations)
    {
        var all = migrations.ToList();
        foreach (var clash in all.GroupBy(m => (m.Component, m.Version)).Where(g => g.Select(m => m.Sql).Distinct().Count() > 1))
            throw new InvalidOperationException($"Migration {clash.Key.Component} v{clash.Key.Version} is defined twice with different SQL.");
        var componentOrder = all.Select(m => m.Component).Distinct().ToList();
        return all.DistinctBy(m => (m.Component, m.Version))
            .OrderBy(m => componentOrder.IndexOf(m.Component))
            .ThenBy(m => m.Version)
            .ToList();
    }

    private static async Task<HashSet<(string, int)>> AppliedVersions(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select component, version from grants.schema_migrations", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var applied = new HashSet<(string, int)>();
        while (await reader.ReadAsync(ct))
            applied.Add((reader.GetString(0), reader.GetInt32(1)));
        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }
}
