using System.Text;
using Npgsql;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>A scratch database next to the live one, where the projections are rebuilt. A database rather than a
/// schema because the projection code names its tables "grants.…": the very same statements then run unchanged,
/// which is the point of the comparison. Dropped on dispose unless kept for inspection.</summary>
public sealed class ShadowDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _live;
    private readonly bool _keep;

    private ShadowDatabase(NpgsqlDataSource live, string name, NpgsqlDataSource dataSource, bool keep)
    {
        _live = live;
        Name = name;
        DataSource = dataSource;
        _keep = keep;
    }

    public string Name { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <param name="connectionString">The live database's connection string with its credentials (a data source's
    /// own ConnectionString drops the password).</param>
    /// <exception cref="ShadowDatabaseRefusedException">The role may not create databases.</exception>
    public static async Task<ShadowDatabase> Create(NpgsqlDataSource live, string connectionString, DateTimeOffset now,
                                                    bool keep, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = NameFor(builder.Database ?? "grants", now);
        try
        {
            await Execute(live, $"create database {Quote(name)}", ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new ShadowDatabaseRefusedException(
                $"The database role may not create the shadow database {name} ({e.MessageText}); grant it CREATEDB to rebuild and compare.");
        }

        builder.Database = name;
        builder.ApplicationName = "grants-rebuild-compare";
        // Prepared statements make the projections' many small statements cheaper; a throwaway database needs no
        // durable commits.
        builder.MaxAutoPrepare = 64;
        builder.Options = "-c synchronous_commit=off";
        return new ShadowDatabase(live, name, NpgsqlDataSource.Create(builder.ConnectionString), keep);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (!_keep)
            await Execute(_live, $"drop database if exists {Quote(Name)} with (force)", CancellationToken.None);
    }

    /// <summary>"{live}_shadow_{utc time}_{random}", letters, digits and underscores only, within PostgreSQL's 63 bytes.</summary>
    internal static string NameFor(string liveDatabase, DateTimeOffset now)
    {
        var suffix = $"_shadow_{now.UtcDateTime:yyyyMMddHHmmss}_{Random.Shared.Next(0x10000):x4}";
        var stem = new StringBuilder();
        foreach (var c in liveDatabase.ToLowerInvariant())
            stem.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        return stem.ToString()[..Math.Min(stem.Length, 63 - suffix.Length)] + suffix;
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static async Task Execute(NpgsqlDataSource source, string sql, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>The shadow database cannot be created (the role lacks CREATEDB).</summary>
public sealed class ShadowDatabaseRefusedException(string message) : Exception(message);
