using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Projections.Ledgers;
using Grants.Projections.Tests.Support;
using Grants.Testing;
using Npgsql;
using static Grants.Projections.Tests.GroupCommit.OneLineRush;

namespace Grants.Projections.Tests.GroupCommit;

/// <summary>Issue 7: a batch locks the budget lines it crowds on before any of its commands runs, outside their
/// savepoints, so a refused command does not take the lock with it; and should that opening fail (a deadlock it
/// loses, a cancel), the batch runs again without it.</summary>
public sealed class CrowdedLineLockTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Given_a_line_with_less_left_than_any_award_When_eight_approvals_on_it_share_a_batch_Then_each_is_refused_and_the_line_is_locked_once_per_attempt()
    {
        var world = await LedgerDatabase.Create(fixture);
        await using var committer = world.GroupCommitted();
        await world.Desk.Appropriate(Lines.Art1Fy2025, Lines.Yuan(600_000));
        var applications = await Assessed(world, 8, Lines.Yuan(1_000_000));
        using var locks = new LineLocks(world.Db);

        var outcomes = await Approvals(world, applications, Lines.Yuan(1_000_000)).Run(world);

        Assert.All(outcomes, o => Assert.Equal(LedgerErrorCodes.AppropriationExceeded, Assert.IsType<LedgerRefusedException>(o).Error.Code));
        // Once for the pipelined attempt that met the first refusal, once for the run one by one; each refused command
        // used to take the line's lock with its savepoint, and the next one read it again (9).
        Assert.Equal(2, locks.Count());
        Assert.Equal(Money.Zero, (await SqlLedgers.Budget(world.Db, Lines.Art1Fy2025)).Committed);
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }

    [Fact]
    public async Task Given_the_batch_opening_is_cancelled_while_it_waits_for_a_line_When_the_batch_goes_on_Then_it_runs_again_without_the_opening_and_every_approval_commits()
    {
        var world = await LedgerDatabase.Create(fixture);
        // One by one from the start: a pipelined attempt would meet the cancel first and hide the fallback.
        await using var committer = world.GroupCommitted(pipeline: false);
        await world.Desk.Appropriate(Lines.Art1Fy2025, Lines.Yuan(10_000_000));
        var applications = await Assessed(world, 4, Lines.Yuan(1_000_000));
        await using var other = await world.Db.OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await Lock(other, transaction, Lines.Art1Fy2025);

        var run = Approvals(world, applications, Lines.Yuan(1_000_000)).Run(world);
        // The opening is the batch's first statement, so its transaction has no id yet; a command's read after its claim has.
        await Eventually.Until(() => LineWaiter(world.Db, withXid: false), TimeSpan.FromSeconds(30), "the batch's opening waits for the line");
        await Cancel(world.Db);
        await Eventually.Until(async () => run.IsCompleted || await LineWaiter(world.Db, withXid: true), TimeSpan.FromSeconds(30),
            "the batch's first command, run again without the opening, waits for the line");
        await transaction.CommitAsync();
        var outcomes = await run;

        Assert.All(outcomes, Assert.Null);
        Assert.Equal(Lines.Yuan(4_000_000), (await SqlLedgers.Budget(world.Db, Lines.Art1Fy2025)).Committed);
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }

    private static async Task Lock(NpgsqlConnection connection, NpgsqlTransaction transaction, BudgetKey line)
    {
        await using var command = new NpgsqlCommand(
            "select 1 from grants.budget_ledgers where bureau = $1 and fiscal_year = $2 and measure_id = $3 for no key update",
            connection, transaction)
        {
            Parameters = { new() { Value = line.Bureau.Value }, new() { Value = line.FiscalYear }, new() { Value = line.Measure.Value } },
        };
        await command.ExecuteScalarAsync();
    }

    private const string WaitsForLine = """
        from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like '%from grants.budget_ledgers%for no key update%'
        """;

    private static async Task<bool> LineWaiter(NpgsqlDataSource db, bool withXid)
    {
        await using var probe = db.CreateCommand($"select exists (select {WaitsForLine} and (backend_xid is not null) = $1)");
        probe.Parameters.Add(new NpgsqlParameter { Value = withXid });
        return (bool)(await probe.ExecuteScalarAsync())!;
    }

    private static async Task Cancel(NpgsqlDataSource db)
    {
        await using var cancel = db.CreateCommand($"select pg_cancel_backend(pid) {WaitsForLine}");
        Assert.True((bool)(await cancel.ExecuteScalarAsync())!);
    }
}
