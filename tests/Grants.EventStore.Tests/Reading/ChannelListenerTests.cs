using Grants.Testing;
using Npgsql;

namespace Grants.EventStore.Tests.Reading;

public sealed class ChannelListenerTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GivenAListenerWaitingForACommit_WhenItsTokenIsCancelled_ThenTheWaitEndsAsCancelledAndTheConnectionStillAnswers()
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var listening = await ChannelListener.Start(connection, CancellationToken.None);
        using var stop = new CancellationTokenSource();

        var wait = listening.NextCommit(stop.Token);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Deadline));
        Assert.Equal(1, await Answer(connection));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listening.NextCommit(stop.Token));
    }

    [Fact]
    public async Task GivenAListenerThatLooksForCancellationEveryMillisecond_WhenACommitIsNotified_ThenTheWaitEndsAndTheConnectionStillAnswers()
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var listening = await ChannelListener.Start(connection, TimeSpan.FromMilliseconds(1), CancellationToken.None);

        var wait = listening.NextCommit(CancellationToken.None);
        await using (var notify = db.DataSource.CreateCommand($"select pg_notify('{PostgresEventStore.Channel}', '7')"))
            await notify.ExecuteNonQueryAsync();

        await wait.WaitAsync(Deadline);
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        Assert.Equal(1, await Answer(connection));
    }

    private static async Task<int> Answer(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("select 1", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
