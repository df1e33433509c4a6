using Npgsql;

namespace Grants.Testing;

/// <summary>Makes batching deterministic: holds the chain head's row lock from another connection, so the
/// committer's current batch waits at the head while the appends made meanwhile queue up for the next batch.</summary>
public sealed class HeadHold : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly NpgsqlDataSource _dataSource;

    private HeadHold(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlDataSource dataSource) =>
        (_connection, _transaction, _dataSource) = (connection, transaction, dataSource);

    public static async Task<HeadHold> Take(NpgsqlDataSource dataSource)
    {
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("select position from grants.event_head for update", connection, transaction);
        await command.ExecuteScalarAsync();
        return new HeadHold(connection, transaction, dataSource);
    }

    /// <summary>Waits (with a deadline) until some other session of this database is blocked on a lock.</summary>
    public async Task UntilSomeoneWaits()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        // Asked outside the holding transaction: pg_stat_activity is a snapshot fixed for a whole transaction.
        await using var probe = _dataSource.CreateCommand("""
            select count(*) from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'
            """);
        while ((long)(await probe.ExecuteScalarAsync())! == 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("no append reached the chain head within 30 s");
            await Task.Yield();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
