using Grants.Domain;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Applications;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Ledgers;
using Grants.EventStore;
using Grants.Projections.Ledgers;
using Grants.Projections.Tests.Support;
using Grants.Testing;
using Npgsql;
using static Grants.Projections.Tests.GroupCommit.OneLineRush;

namespace Grants.Projections.Tests.GroupCommit;

/// <summary>Issue 7: a budget line a group-commit batch crowds on is read once under lock, its commitments checked in
/// memory and written with one UPDATE per batch, with the same outcome and the same refusals as one conditional
/// UPDATE per approval.</summary>
public sealed class CrowdedBudgetLineTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly BudgetKey Line = Lines.Art1Fy2025;

    [Fact]
    public async Task Given_20_approvals_of_600k_in_one_batch_against_10m_When_it_commits_Then_16_are_committed_by_one_update_and_4_refused_as_the_database_would()
    {
        var (world, committer) = await Start(appropriated: 10_000_000);
        await using var _ = committer;
        var applications = await Assessed(world, 20, Lines.Yuan(600_000));
        await CountLineUpdates(world.Db);
        var before = committer.Counts;

        var outcomes = await Approvals(world, applications, Lines.Yuan(600_000)).Run(world);

        Assert.All(outcomes.Take(16), Assert.Null);
        var expected = new BudgetLedger(Lines.Yuan(10_000_000), Lines.Yuan(9_600_000), Money.Zero, Money.Zero)
            .CheckCommit(Line, Lines.Yuan(600_000));
        Assert.All(outcomes.Skip(16), o => Assert.Equal(
            DomainError.Breach(LedgerErrorCodes.AppropriationExceeded, expected!, "amount_fen"), Assert.IsType<LedgerRefusedException>(o).Error));
        Assert.Equal(1L, await LineUpdates(world.Db));
        Assert.Equal(Lines.Yuan(9_600_000), (await SqlLedgers.Budget(world.Db, Line)).Committed);
        Assert.True((await world.Store.Verify()).Ok);
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
        await committer.DisposeAsync();
        // The refusals are the database's, in the writes: the batch of twenty was tried in two round trips, then one by one.
        Assert.Equal((before.Batches + 2, before.Pipelined + 1), committer.Counts);
    }

    [Fact]
    public async Task Given_16_approvals_of_600k_in_one_batch_within_10m_When_it_commits_Then_it_is_pipelined_with_one_line_update()
    {
        var (world, committer) = await Start(appropriated: 10_000_000);
        await using var _ = committer;
        var applications = await Assessed(world, 16, Lines.Yuan(600_000));
        await CountLineUpdates(world.Db);
        var before = committer.Counts;

        var outcomes = await Approvals(world, applications, Lines.Yuan(600_000)).Run(world);

        Assert.All(outcomes, Assert.Null);
        await committer.DisposeAsync();
        // The blocker's batch and the sixteen approvals': both decided in memory and sent in two round trips.
        Assert.Equal((before.Batches + 2, before.Pipelined + 2), committer.Counts);
        Assert.Equal(1L, await LineUpdates(world.Db));
        Assert.Equal(Lines.Yuan(9_600_000), (await SqlLedgers.Budget(world.Db, Line)).Committed);
        Assert.True((await world.Store.Verify()).Ok);
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }

    [Fact]
    public async Task Given_a_batch_with_approvals_then_a_cut_of_the_appropriation_When_it_commits_Then_the_cut_meets_the_batch_commitments()
    {
        var (world, committer) = await Start(appropriated: 10_000_000);
        await using var _ = committer;
        var applications = await Assessed(world, 11, Lines.Yuan(1_000_000));

        var gate = new BatchGate();
        foreach (var id in applications.Take(5))
            gate.Add(then => world.Desk.File(Filing.Approval(id, Lines.Yuan(1_000_000)), then));
        gate.Add(then => world.Desk.File(new AdjustAppropriation(Line, Lines.Yuan(-6_000_000), "预算调整", "黄财预〔2025〕5号",
            new DateOnly(2025, 3, 10)), then));
        foreach (var id in applications.Skip(5))
            gate.Add(then => world.Desk.File(Filing.Approval(id, Lines.Yuan(1_000_000)), then));
        var outcomes = await gate.Run(world);

        Assert.All(outcomes.Take(5), Assert.Null);
        // Five million committed in this very batch: a cut of six would leave the line overspent.
        var cut = Assert.IsType<LedgerRefusedException>(outcomes[5]);
        Assert.Equal(LedgerErrorCodes.AppropriationExceeded, cut.Error.Code);
        Assert.Contains("largest possible cut 5,000,000.00", cut.Error.Message);
        Assert.All(outcomes.Skip(6).Take(5), Assert.Null);
        Assert.Equal(LedgerErrorCodes.AppropriationExceeded, Assert.IsType<LedgerRefusedException>(outcomes[11]).Error.Code);
        var line = await SqlLedgers.Budget(world.Db, Line);
        Assert.Equal((Lines.Yuan(10_000_000), Lines.Yuan(10_000_000)), (line.Appropriated, line.Committed));
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }

    [Fact]
    public async Task Given_approvals_refused_later_in_their_writes_When_the_batch_goes_on_Then_their_commitments_are_forgotten()
    {
        var (world, committer) = await Start(appropriated: 3_000_000);
        await using var _ = committer;
        var applications = await Assessed(world, 7, Lines.Yuan(600_000));
        var gate = new BatchGate();
        foreach (var (id, i) in applications.Select((id, i) => (id, i)))
        {
            if (i == 2)
                gate.Add(then => world.Desk.File(Flag(2), then));
            gate.Add(then => world.Desk.File(Filing.Approval(id, Lines.Yuan(600_000)), then));
        }

        // Both flags come after the approvals were decided, so only the database's standing check (a late write queued
        // before the budget line's) refuses them: the first approval of the batch, which read the line under lock,
        // and the third, whose commitment had been counted in memory by then.
        var outcomes = await gate.Run(world.Db, () => world.Desk.File(Flag(0)));

        Assert.Equal(LedgerErrorCodes.ApplicantFlagged, Assert.IsType<LedgerRefusedException>(outcomes[0]).Error.Code);
        Assert.Equal(LedgerErrorCodes.ApplicantFlagged, Assert.IsType<LedgerRefusedException>(outcomes[3]).Error.Code);
        Assert.All(outcomes.Where((_, i) => i is not (0 or 3)), Assert.Null);
        Assert.Equal(Lines.Yuan(3_000_000), (await SqlLedgers.Budget(world.Db, Line)).Committed);
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }

    [Fact]
    public async Task Given_appends_that_write_a_crowded_line_by_statement_and_commit_on_it_in_either_order_When_the_batch_commits_Then_every_amount_counts_once()
    {
        var (world, committer) = await Start(appropriated: 10_000_000);
        await using var _ = committer;
        var applications = await Assessed(world, 5, Lines.Yuan(1_000_000));
        var gate = new BatchGate();
        foreach (var id in applications.Take(3))
            gate.Add(then => world.Desk.File(Filing.Approval(id, Lines.Yuan(1_000_000)), then));
        gate.Add(then => CutAndApprove(world, applications[3], Lines.Yuan(-2_000_000), cutFirst: true, then));
        gate.Add(then => CutAndApprove(world, applications[4], Lines.Yuan(-1_000_000), cutFirst: false, then));

        var outcomes = await gate.Run(world);

        Assert.All(outcomes, Assert.Null);
        var line = await SqlLedgers.Budget(world.Db, Line);
        Assert.Equal((Lines.Yuan(7_000_000), Lines.Yuan(5_000_000)), (line.Appropriated, line.Committed));
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }

    /// <summary>One append holding a cut of the line's appropriation and an approval on it, in the order asked: not
    /// an append the API makes, but one the projection must take as the replay does.</summary>
    private static async Task CutAndApprove(LedgerDatabase world, ApplicationId id, Money cut, bool cutFirst, Func<Task> then)
    {
        var (budget, _) = await Fold(world.Store, Line.StreamId, BudgetState.Initial, BudgetDecider.Evolve);
        var (application, version) = await Fold(world.Store, id.StreamId, ApplicationState.Initial, ApplicationDecider.Evolve);
        var context = new ApplicationContext(world.Desk.Catalog, await world.Desk.Applicant(application.ApplicantId!));
        var cutting = new StreamAppend(Line.StreamId, StreamIds.BudgetType, ExpectedVersion.Any, [.. BudgetDecider.Decide(
            new AdjustAppropriation(Line, cut, "预算调整", "黄财预〔2025〕6号", new DateOnly(2025, 3, 10)), budget, world.Desk.Catalog).EventsOrEmpty]);
        var approving = new StreamAppend(id.StreamId, StreamIds.ApplicationType, version,
            [.. ApplicationDecider.Decide(Filing.Approval(id, Lines.Yuan(1_000_000)), application, context).EventsOrEmpty]);
        await then();
        await world.Store.Append(cutFirst ? [cutting, approving] : [approving, cutting], new EventMetadata("test:ledger-desk", Guid.NewGuid().ToString("N")));
    }

    private static async Task<(TState State, long Version)> Fold<TState>(PostgresEventStore store, string streamId, TState state,
                                                                         Func<TState, IDomainEvent, TState> evolve)
    {
        long version = 0;
        await foreach (var stored in store.ReadStream(streamId))
            (state, version) = (stored.Data is IDomainEvent e ? evolve(state, e) : state, stored.Version);
        return (state, version);
    }

    private static FlagCredit Flag(int applicant) =>
        new(Enterprise(applicant), $"CR-{applicant}", "列入严重失信主体名单", new DateOnly(2025, 3, 9));

    /// <summary>A database whose appends go through a group committer partitioned by budget line, as the server's do.</summary>
    private async Task<(LedgerDatabase World, GroupCommitter Committer)> Start(long appropriated)
    {
        var world = await LedgerDatabase.Create(fixture);
        var committer = world.GroupCommitted();
        await world.Desk.Appropriate(Line, Lines.Yuan(appropriated));
        return (world, committer);
    }

    /// <summary>Counts committed row updates of the budget ledgers from here on (a rolled-back one leaves no count).</summary>
    private static async Task CountLineUpdates(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("""
            create table line_updates (at timestamptz not null default now());
            create function count_line_update() returns trigger language plpgsql as $$
            begin insert into line_updates default values; return new; end $$;
            create trigger count_line_updates after update on grants.budget_ledgers for each row execute function count_line_update();
            """);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> LineUpdates(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("select count(*) from line_updates");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
