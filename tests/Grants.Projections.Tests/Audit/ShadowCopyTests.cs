using Grants.Projections.Audit.Rebuild;
using Grants.Testing;
using Npgsql;

namespace Grants.Projections.Tests.Audit;

/// <summary>The rebuild's binary COPY into a shadow table, whose buffers are sent in the background (CopySender): every
/// row arrives in order, a PostgreSQL that stops reading holds the writer back without blocking its thread, and a
/// connection lost mid-copy fails the writer instead of leaving it waiting.</summary>
public sealed class ShadowCopyTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Copy = "copy copied (n, s) from stdin (format binary)";
    private const int GateKey = 4242;
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
                await copy.Paced();
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
    public async Task GivenPostgresStopsReadingTheCopy_WhenRowsKeepComing_ThenEncodingNeverBlocksAndPacedWaitsUntilItReadsAgain()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await Execute(connection, "create temp table copied (n bigint not null, s text not null)");
        // Every row waits for an advisory lock the test holds: PostgreSQL stops taking the COPY after its first row,
        // the socket fills, and the sender's write waits.
        await Execute(connection, $$"""
            create function pg_temp.gate() returns trigger language plpgsql as $$
            begin perform pg_advisory_xact_lock_shared({{GateKey}}); return new; end $$;
            create trigger gate before insert on copied for each row execute function pg_temp.gate();
            """);
        await using var copy = await ShadowCopy.Begin(connection, Copy, 2, CancellationToken.None);
        var filler = new string('x', 1_000);
        var written = 0;
        Task? held;
        await using (var gatekeeper = await fixture.DataSource.OpenConnectionAsync())
        {
            await Execute(gatekeeper, $"select pg_advisory_lock({GateKey})");
            try
            {
                // Before CopySender paced asynchronously, this loop blocked its thread on a full queue: with socket
                // completions inline, the very thread the sender's write needed. Run apart, so a block fails at the deadline.
                held = await Task.Run<Task?>(() =>
                {
                    // At most 50 MB: the socket's buffers and eight queued ones are a few MB.
                    while (written < 50_000)
                    {
                        copy.StartRow();
                        copy.Long(written);
                        copy.Text(filler);
                        written++;
                        if (copy.Paced() is { IsCompleted: false } waiting)
                            return waiting;
                    }
                    return null;
                }).WaitAsync(Deadline);
            }
            finally
            {
                // Pooled, the gatekeeper's session outlives its disposal; a failure must not leave the copy gated.
                await Execute(gatekeeper, "select pg_advisory_unlock_all()");
            }
        }

        Assert.NotNull(held);
        await held.WaitAsync(Deadline);
        for (var more = 0; more < 1_000; more++, written++)
        {
            copy.StartRow();
            copy.Long(written);
            copy.Text(filler);
            await copy.Paced();
        }
        await copy.Complete(CancellationToken.None).WaitAsync(Deadline);

        await using var check = new NpgsqlCommand("select count(*), count(distinct n), min(n), max(n) from copied where s = $1", connection);
        check.Parameters.Add(new NpgsqlParameter { Value = filler });
        await using var reader = await check.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((written, written, 0, written - 1), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
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
                await copy.Paced();
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
