using Npgsql;

namespace Grants.Testing;

/// <summary>Makes batching deterministic: holds the chain head's row lock from another connection, so the
/// committer's current batch waits at the head while the appends made meanwhile queue up for the next batch.</summary>
public sealed class HeadHold : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    // A pause between probes, so the probe loop does not take a core from the batch it is waiting for.
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(5);

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

    /// <summary>Waits (with a deadline) until some other session of this database is blocked on a lock.
    /// <paramref name="blocked"/> is the call expected to get stuck at the head: if it ends first, that is the failure,
    /// reported with its outcome at once instead of after the deadline.</summary>
    public async Task UntilSomeoneWaits(Task blocked)
    {
        ArgumentNullException.ThrowIfNull(blocked);
        var deadline = DateTime.UtcNow + Deadline;
        // Asked outside the holding transaction: pg_stat_activity is a snapshot fixed for a whole transaction.
        await using var probe = _dataSource.CreateCommand("""
            select count(*) from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'
            """);
        while ((long)(await probe.ExecuteScalarAsync())! == 0)
        {
            if (blocked.IsCompleted)
                throw new InvalidOperationException(
                    $"The call expected to wait at the held chain head ended first ({blocked.Status}).", blocked.Exception?.GetBaseException());
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No session waited at the held chain head within {Deadline.TotalSeconds:0} s; " +
                                           $"the database's sessions: {await Sessions()}");
            await Task.Delay(Recheck);
        }
    }

    private async Task<string> Sessions()
    {
        await using var command = _dataSource.CreateCommand("""
            select string_agg(format('%s %s %s/%s "%s"', pid, state, wait_event_type, wait_event, left(query, 80)), '; ')
            from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
            """);
        return await command.ExecuteScalarAsync() as string ?? "none";
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
