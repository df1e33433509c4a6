using Grants.EventStore.Tests.Support;
using Grants.Testing;
using Npgsql;

namespace Grants.EventStore.Tests.Projections;

public sealed class ProjectionDaemonCrashTests(DatabaseFixture db, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private OutputLogger<ProjectionDaemon> Log => new(output);

    [Fact]
    public async Task GivenDaemonCancelledWhileABatchIsInFlight_WhenRestarted_ThenReadModelEqualsARebuildAndNoEventWasAppliedTwice()
    {
        var dataSource = await db.CreateDatabase([PositionsReadModel.Table]);
        var store = TestTypes.Store(dataSource);
        await AppendEvents(store, appends: 60, eventsPerAppend: 20);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        var blocking = new PositionsReadModel
        {
            // Batches are 500 events: 1..500 commits, then the second batch stops at 700 with 501..699 written.
            BeforeEvent = async (_, e, ct) =>
            {
                if (e.Position != 700) return;
                reached.TrySetResult();
                await never.Task.WaitAsync(ct);
            },
        };
        using var crash = new CancellationTokenSource();
        var run = new ProjectionDaemon(dataSource, store, [blocking], Log).RunAsync(crash.Token);

        await reached.Task.WaitAsync(Deadline);
        await crash.CancelAsync();
        await run.WaitAsync(Deadline);

        var restarted = new ProjectionDaemon(dataSource, store, [new PositionsReadModel()]);
        Assert.Equal(500, await restarted.Checkpoint(PositionsReadModel.DefaultName));
        Assert.Equal(500, (await PositionsReadModel.Snapshot(dataSource)).Count);
        await restarted.CatchUp();
        var afterRestart = await PositionsReadModel.Snapshot(dataSource);
        await restarted.Rebuild(PositionsReadModel.DefaultName);
        var rebuilt = await PositionsReadModel.Snapshot(dataSource);

        Assert.Equal(Enumerable.Range(1, 1200).Select(p => (long)p), afterRestart.Select(r => r.Item1));
        Assert.Equal(rebuilt, afterRestart);
        Assert.Equal(1200, await restarted.Checkpoint(PositionsReadModel.DefaultName));
    }

    [Fact]
    public async Task GivenDaemonWhoseConnectionIsKilledMidBatch_WhenItKeepsRunning_ThenItRecoversFollowsNewEventsAndMatchesARebuild()
    {
        var dataSource = await db.CreateDatabase([PositionsReadModel.Table]);
        var store = TestTypes.Store(dataSource);
        await AppendEvents(store, appends: 30, eventsPerAppend: 20);
        var victim = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var projection = new PositionsReadModel
        {
            BeforeEvent = async (connection, e, ct) =>
            {
                if (e.Position != 333 || killed.Task.IsCompleted) return;
                await using var pid = new NpgsqlCommand("select pg_backend_pid()", connection);
                victim.TrySetResult((int)(await pid.ExecuteScalarAsync(ct))!);
                await killed.Task.WaitAsync(ct);
            },
        };
        var daemon = new ProjectionDaemon(dataSource, store, [projection], Log);
        using var stop = new CancellationTokenSource();
        var run = daemon.RunAsync(stop.Token);

        var backend = await victim.Task.WaitAsync(Deadline);
        await using (var terminate = dataSource.CreateCommand($"select pg_terminate_backend({backend})"))
            await terminate.ExecuteNonQueryAsync();
        killed.SetResult();
        await Eventually.Until(async () => await daemon.Checkpoint(PositionsReadModel.DefaultName) == 600, Deadline,
            "the daemon retries the broken batch and catches up to 600");
        await AppendEvents(store, appends: 5, eventsPerAppend: 10);
        await Eventually.Until(async () => await daemon.Checkpoint(PositionsReadModel.DefaultName) == 650, Deadline,
            "the running daemon is woken by the new commits");
        await stop.CancelAsync();
        await run.WaitAsync(Deadline);

        var live = await PositionsReadModel.Snapshot(dataSource);
        await new ProjectionDaemon(dataSource, store, [new PositionsReadModel()]).Rebuild(PositionsReadModel.DefaultName);
        Assert.Equal(Enumerable.Range(1, 650).Select(p => (long)p), live.Select(r => r.Item1));
        Assert.Equal(await PositionsReadModel.Snapshot(dataSource), live);
    }

    [Fact]
    public async Task GivenTwoDaemonsOnOneProjection_WhenBothCatchUp_ThenEachEventIsAppliedOnce()
    {
        var dataSource = await db.CreateDatabase([PositionsReadModel.Table]);
        var store = TestTypes.Store(dataSource);
        await AppendEvents(store, appends: 40, eventsPerAppend: 30);

        await Task.WhenAll(
            Task.Run(() => new ProjectionDaemon(dataSource, store, [new PositionsReadModel()]).CatchUp()),
            Task.Run(() => new ProjectionDaemon(dataSource, store, [new PositionsReadModel()]).CatchUp()));

        Assert.Equal(Enumerable.Range(1, 1200).Select(p => (long)p), (await PositionsReadModel.Snapshot(dataSource)).Select(r => r.Item1));
    }

    [Fact]
    public async Task GivenOneProjectionThatAlwaysFails_WhenTheDaemonRuns_ThenTheOtherStillCatchesUpAndTheFailedOneKeepsItsCheckpoint()
    {
        var dataSource = await db.CreateDatabase([PositionsReadModel.Table]);
        var store = TestTypes.Store(dataSource);
        await AppendEvents(store, appends: 3, eventsPerAppend: 10);
        var daemon = new ProjectionDaemon(dataSource, store, [new AlwaysFails(), new PositionsReadModel()], Log);
        using var stop = new CancellationTokenSource();

        var run = daemon.RunAsync(stop.Token);
        await Eventually.Until(async () => await daemon.Checkpoint(PositionsReadModel.DefaultName) == 30, Deadline,
            "the healthy projection catches up although the other one throws");
        await stop.CancelAsync();
        await run.WaitAsync(Deadline);

        Assert.Equal(0, await daemon.Checkpoint(AlwaysFails.ProjectionName));
    }

    private sealed class AlwaysFails : IAsyncProjection
    {
        public const string ProjectionName = "always_fails";

        public string Name => ProjectionName;

        public ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct) =>
            throw new InvalidOperationException("a projection bug");

        public ValueTask Reset(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) => ValueTask.CompletedTask;
    }

    private static async Task AppendEvents(PostgresEventStore store, int appends, int eventsPerAppend)
    {
        for (var i = 0; i < appends; i++)
        {
            var events = Enumerable.Range(0, eventsPerAppend).Select(n => (object)new AwardRequested($"applicant {i}/{n}", n * 100)).ToList();
            await store.Append(new StreamAppend($"award-{i % 7}", "award", ExpectedVersion.Any, events), TestTypes.Metadata());
        }
    }
}
