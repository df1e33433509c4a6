using Npgsql;

namespace Grants.Testing;

/// <summary>How many transactions wrote the events of these streams (grants.events.tx_id): 1 proves they shared a batch.</summary>
public static class BatchTransactions
{
    /// <param name="eventType">Only events of this stored type (a stream's earlier steps went in other batches).</param>
    public static async Task<long> Count(NpgsqlDataSource dataSource, IEnumerable<string> streams, string? eventType = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(
            "select count(distinct tx_id::text) from grants.events where stream_id = any($1) and ($2::text is null or type = $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = streams.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)eventType ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
