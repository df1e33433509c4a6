using System.Collections.Frozen;
using Grants.Api.Auth;
using Npgsql;

namespace Grants.Api.Storage;

/// <summary>Reads and writes grants.api_keys. Only hashes go in or out.</summary>
public static class ApiKeyTable
{
    public static async Task<IReadOnlyList<ApiKey>> LoadAll(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "select name, key_sha256, roles, bureaus, jurisdictions from grants.api_keys order by name");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<ApiKey>();
        while (await reader.ReadAsync(ct))
        {
            keys.Add(new ApiKey(
                reader.GetString(0),
                Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(1)),
                reader.GetFieldValue<string[]>(2).ToFrozenSet(StringComparer.Ordinal),
                CallerScope.Of(reader.GetFieldValue<string[]>(3), reader.GetFieldValue<string[]>(4))));
        }
        return keys;
    }

    public static async Task<IReadOnlyList<string>> HashesOfOrigin(NpgsqlDataSource dataSource, string origin, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select key_sha256 from grants.api_keys where origin = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = origin });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var hashes = new List<string>();
        while (await reader.ReadAsync(ct))
            hashes.Add(Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(0)));
        return hashes;
    }

    /// <summary>Replaces every key of one origin in one transaction.</summary>
    public static async Task ReplaceOrigin(NpgsqlDataSource dataSource, string origin, IEnumerable<ApiKey> keys, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var delete = new NpgsqlCommand("delete from grants.api_keys where origin = $1", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = origin });
            await delete.ExecuteNonQueryAsync(ct);
        }
        foreach (var key in keys)
        {
            await using var insert = new NpgsqlCommand(
                "insert into grants.api_keys(name, key_sha256, roles, bureaus, jurisdictions, origin) values ($1, $2, $3, $4, $5, $6)",
                connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = key.Name });
            insert.Parameters.Add(new NpgsqlParameter { Value = Convert.FromHexString(key.Sha256Hex) });
            insert.Parameters.Add(new NpgsqlParameter { Value = key.Roles.Order(StringComparer.Ordinal).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = key.Scope.Bureaus.Order(StringComparer.Ordinal).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = key.Scope.Jurisdictions.Order(StringComparer.Ordinal).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = origin });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
