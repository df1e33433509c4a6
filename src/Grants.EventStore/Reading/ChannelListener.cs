using Npgsql;

namespace Grants.EventStore;

/// <summary>LISTEN on the store's channel for as long as this lives. The host runs its pool with NoResetOnClose (a
/// reset before every borrow cost more database time than some commands), so whoever listens must stop listening
/// before the connection goes back to the pool, or the next borrower would receive every commit's notification.</summary>
public sealed class ChannelListener : IAsyncDisposable
{
    /// <summary>How soon a cancelled wait notices: the longest a stopping follower keeps its caller waiting.</summary>
    public static readonly TimeSpan CancelCheck = TimeSpan.FromMilliseconds(250);

    private readonly NpgsqlConnection _connection;
    private readonly TimeSpan _cancelCheck;

    private ChannelListener(NpgsqlConnection connection, TimeSpan cancelCheck) =>
        (_connection, _cancelCheck) = (connection, cancelCheck);

    public static Task<ChannelListener> Start(NpgsqlConnection connection, CancellationToken ct) =>
        Start(connection, CancelCheck, ct);

    internal static async Task<ChannelListener> Start(NpgsqlConnection connection, TimeSpan cancelCheck, CancellationToken ct)
    {
        await using var listen = new NpgsqlCommand($"listen {PostgresEventStore.Channel}", connection);
        await listen.ExecuteNonQueryAsync(ct);
        return new ChannelListener(connection, cancelCheck);
    }

    /// <summary>Returns once a notification arrives (at once if one came since the last wait); throws
    /// OperationCanceledException within <see cref="CancelCheck"/> of <paramref name="ct"/> being cancelled.</summary>
    /// <remarks>The token is never handed to Npgsql: cancelling its wait through a token can deadlock inside the driver
    /// (npgsql/npgsql#5975, still open), and then whoever stops the follower waits forever. A wait that times out
    /// instead sends nothing to the server and leaves the connection as it was, so we time out and look.</remarks>
    public async Task NextCommit(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        while (!await _connection.WaitAsync(_cancelCheck))
            ct.ThrowIfCancellationRequested();
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State != System.Data.ConnectionState.Open)
            return;
        try
        {
            await using var unlisten = new NpgsqlCommand("unlisten *", _connection);
            await unlisten.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken connection is discarded by the pool, listening or not.
        }
    }
}
