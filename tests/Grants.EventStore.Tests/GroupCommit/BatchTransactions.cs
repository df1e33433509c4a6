using Npgsql;

namespace Grants.EventStore.Tests.GroupCommit;

/// <summary>How many transactions wrote the events of these streams (grants.events.tx_id): 1 proves they shared a batch.</summary>
internal static class BatchTransactions
{
    public static async Task<long> Count(NpgsqlDataSource dataSource, IEnumerable<string> streams)
    {
        await using var command = dataSource.CreateCommand(
            "select count(distinct tx_id::text) from grants.events where stream_id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = streams.ToArray() });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
