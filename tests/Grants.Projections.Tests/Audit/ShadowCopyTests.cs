using Grants.Projections.Audit.Rebuild;
using Grants.Testing;
using Npgsql;

namespace Grants.Projections.Tests.Audit;

/// <summary>The rebuild's binary COPY into a shadow table, whose buffers a thread of their own sends (CopySender): every
/// row arrives in order, and a connection lost mid-copy fails the writer instead of leaving it waiting.</summary>
public sealed class ShadowCopyTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Copy = "copy copied (n, s) from stdin (format binary)";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task GivenRowsFillingManyBuffers_WhenTheCopyCompletes_ThenTheTableHoldsEveryRowAsWritten()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await Execute(connection, "create temp table copied (n bigint not null, s text not null)");

        await using (var copy = await ShadowCopy.Begin(connection, Copy, 2, CancellationToken.None))
        {
            for (var i = 0; i < 20_000; i++)
            {
                copy.StartRow();
                copy.Long(i);
                copy.Text(Text(i));
            }
            await copy.Complete(CancellationToken.None);
        }

        await using var check = new NpgsqlCommand("select n, s from copied order by n", connection);
        await using var reader = await check.ExecuteReaderAsync();
        var expected = 0;
        while (await reader.ReadAsync())
        {
            Assert.Equal((expected, Text(expected)), (reader.GetInt64(0), reader.GetString(1)));
            expected++;
        }
        Assert.Equal(20_000, expected);
    }

    [Fact]
    public async Task GivenTheConnectionIsTerminatedMidCopy_WhenRowsKeepComing_ThenTheWriterGetsTheConnectionsErrorWithinTheDeadline()
    {
        var connection = await fixture.DataSource.OpenConnectionAsync();
        await Execute(connection, "create temp table copied (n bigint not null, s text not null)");
        var copy = await ShadowCopy.Begin(connection, Copy, 2, CancellationToken.None);
        await using (var admin = await fixture.DataSource.OpenConnectionAsync())
            await Execute(admin, $"select pg_terminate_backend({connection.ProcessID})");

        var filler = new string('x', 1_000);
        var writing = Task.Run(async () =>
        {
            // At most about 200 MB: the lost connection shows within the first socket buffers' worth.
            for (var i = 0; i < 200_000; i++)
            {
                copy.StartRow();
                copy.Long(i);
                copy.Text(filler);
            }
            await copy.Complete(CancellationToken.None);
        });

        var failure = await Record.ExceptionAsync(() => writing.WaitAsync(Deadline));
        Assert.True(failure is NpgsqlException or IOException, $"expected the connection's error, got {failure?.GetType().Name ?? "none"}: {failure?.Message}");
        // Disposed by an `await using` while that error is on its way up: disposing must not replace it.
        var disposing = await Record.ExceptionAsync(() => copy.DisposeAsync().AsTask().WaitAsync(Deadline));
        Assert.Null(disposing);
        await Record.ExceptionAsync(() => connection.DisposeAsync().AsTask());
    }

    private static string Text(int i) => $"row {i} " + new string('·', i % 97);

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
