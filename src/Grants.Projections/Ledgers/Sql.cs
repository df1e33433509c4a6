using Npgsql;

namespace Grants.Projections.Ledgers;

/// <summary>Small helpers so each ledger statement reads as its SQL: positional parameters only, never string-built SQL.</summary>
internal static class Sql
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object?[] args)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
        }

        return command;
    }

    public static async Task<int> Execute(NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct, string sql, params object?[] args)
    {
        await using var command = Command(c, t, sql, args);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs a statement with RETURNING and reports whether it touched a row.</summary>
    public static async Task<bool> Affects(NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct, string sql, params object?[] args)
    {
        await using var command = Command(c, t, sql, args);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct);
    }
}
