using Grants.Projections.Audit.Rebuild.Image;
using Npgsql;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>A scratch schema in the live database, inside the comparison's own transaction: one unlogged table per
/// projection table, shaped like it (defaults, CHECKs, generated columns), filled from the image with binary COPY and
/// compared with the live table in SQL. Rolling the transaction back drops it; committing keeps it for inspection.</summary>
internal sealed class ShadowSchema
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly Dictionary<string, ShadowStatements> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Sql, int Columns)> _copies = new(StringComparer.Ordinal);

    private ShadowSchema(NpgsqlConnection connection, NpgsqlTransaction transaction, string name)
    {
        _connection = connection;
        _transaction = transaction;
        Name = name;
    }

    public string Name { get; }

    /// <exception cref="ShadowSchemaRefusedException">The role may not create schemas in the database.</exception>
    public static async Task<ShadowSchema> Create(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now,
                                                  IReadOnlyList<ProjectionTable> tables, CancellationToken ct)
    {
        var shadow = new ShadowSchema(connection, transaction, NameFor(now));
        try
        {
            await shadow.Execute(await ShadowStatements.CreateSchema(connection, transaction, shadow.Name, ct), ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new ShadowSchemaRefusedException(
                $"The database role may not create the shadow schema {shadow.Name} ({e.MessageText}); grant it CREATE on the database to rebuild and compare.");
        }

        foreach (var table in tables)
        {
            var statements = await ShadowStatements.For(connection, transaction, shadow.Name, table, ct);
            shadow._statements[table.Name] = statements;
            await shadow.Execute(statements.CreateTable, ct);
        }
        return shadow;
    }

    /// <summary>Renders the COPY statements ahead, so that writing the shadow costs no round trip but the COPYs'.</summary>
    public async Task PrepareCopies(IEnumerable<(string Table, IReadOnlyList<string> Columns)> tables, CancellationToken ct)
    {
        foreach (var (table, columns) in tables)
        {
            if (_statements.ContainsKey(table))
                _copies[table] = (await ShadowStatements.CopyInto(_connection, _transaction, Name, table, columns, ct), columns.Count);
        }
    }

    /// <summary>A COPY into one prepared shadow table, left open for rows as they come (null when the live database has
    /// no such table to compare with). Nothing else may run on the connection until it is completed.</summary>
    public async Task<ShadowCopy?> Import(string table, CancellationToken ct) =>
        _copies.TryGetValue(table, out var copy) ? await ShadowCopy.Begin(_connection, copy.Sql, copy.Columns, ct) : null;

    /// <summary>Copies every table of the image that the live database also has.</summary>
    public async Task Write(IReadOnlyList<IImageTable> tables, Func<WorkProgress, Task> progress, CancellationToken ct)
    {
        for (var i = 0; i < tables.Count; i++)
        {
            await progress(new WorkProgress("writing shadow", i, tables.Count));
            await using var copy = await Import(tables[i].Name, ct);
            if (copy is null)
                continue;
            await tables[i].WriteAll(copy);
            await copy.Complete(ct);
        }
        await progress(new WorkProgress("writing shadow", tables.Count, tables.Count));
    }

    /// <summary>The rows that differ between the live table and its shadow, each as (live, rebuilt) JSON text; a side
    /// without the row is null. Only differing rows leave the database.</summary>
    public async IAsyncEnumerable<(string? Live, string? Rebuilt)> Differing(ProjectionTable table,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(_statements[table.Name].Differing, _connection, _transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            yield return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    public async Task<long> LiveCount(ProjectionTable table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(_statements[table.Name].LiveCount, _connection, _transaction);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>"grants_shadow_{utc time}_{random}": letters, digits and underscores only.</summary>
    internal static string NameFor(DateTimeOffset now) => $"grants_shadow_{now.UtcDateTime:yyyyMMddHHmmss}_{Random.Shared.Next(0x10000):x4}";

    private async Task Execute(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>The shadow schema cannot be created (the role lacks CREATE on the database).</summary>
public sealed class ShadowSchemaRefusedException(string message) : Exception(message);
