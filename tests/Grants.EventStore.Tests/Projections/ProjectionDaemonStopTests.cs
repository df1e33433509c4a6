using Grants.EventStore.Tests.Support;
using Grants.Testing;

namespace Grants.EventStore.Tests.Projections;

/// <summary>A stop that lands while the daemon's statements are in flight makes Npgsql cancel them on the server. With
/// socket completions run inline (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1) that cancellation could stall the
/// process's sockets until its 15 s connect timeout, about one stop in a hundred (docs/PERFORMANCE.md, fifteenth
/// session); the same environment is the server's, so this guards both.</summary>
public sealed class ProjectionDaemonStopTests(DatabaseFixture db, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const int Stops = 200;
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task GivenADaemonJustWokenByACommit_WhenStopped200Times_ThenEveryStopReturnsWithin10Seconds()
    {
        var dataSource = await db.CreateDatabase([PositionsReadModel.Table]);
        var store = TestTypes.Store(dataSource);
        for (var round = 1; round <= Stops; round++)
        {
            var daemon = new ProjectionDaemon(dataSource, store, [new PositionsReadModel()], new OutputLogger<ProjectionDaemon>(output));
            using var stop = new CancellationTokenSource();
            var run = daemon.RunAsync(stop.Token);
            await Eventually.Until(async () => await daemon.Checkpoint(PositionsReadModel.DefaultName) == round - 1, Deadline,
                "the new daemon catches up");
            // The commit wakes the daemon, so the stop below finds it reading the head or applying the batch.
            await store.Append(new StreamAppend($"award-{round % 7}", "award", ExpectedVersion.Any, [new AwardRequested("x", 1)]), TestTypes.Metadata());
            await stop.CancelAsync();

            try
            {
                await run.WaitAsync(StopDeadline);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"stop {round} of {Stops} had not returned after {StopDeadline.TotalSeconds:0} s");
            }
        }
    }
}
