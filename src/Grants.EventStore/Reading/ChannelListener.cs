using Npgsql;

namespace Grants.EventStore;

/// <summary>LISTEN on the store's channel for as long as this lives. The host runs its pool with NoResetOnClose (a
/// reset before every borrow cost more database time than some commands), so whoever listens must stop listening
/// before the connection goes back to the pool, or the next borrower would receive every commit's notification.</summary>
public sealed class ChannelListener : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private ChannelListener(NpgsqlConnection connection) => _connection = connection;

    public static async Task<ChannelListener> Start(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var listen = new NpgsqlCommand($"listen {PostgresEventStore.Channel}", connection);
        await listen.ExecuteNonQueryAsync(ct);
        return new ChannelListener(connection);
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
