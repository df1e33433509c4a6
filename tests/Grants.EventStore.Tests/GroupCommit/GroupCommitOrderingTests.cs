using Grants.EventStore.Tests.Support;
using Grants.Testing;

namespace Grants.EventStore.Tests.GroupCommit;

public sealed class GroupCommitOrderingTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Given200ConcurrentCallers_WhenAppendingThroughGroupCommit_ThenPositionsAreDenseAndTheChainVerifies()
    {
        var store = TestTypes.Store(db.DataSource);
        await using var committer = new GroupCommitter(db.DataSource, TestTypes.Registry(), [], TimeProvider.System, maxBatch: 16);
        store.UseGroupCommit(committer);
        var before = (await store.Head()).Position;

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => store.Append(
            [new StreamAppend($"award-{Guid.NewGuid()}", "award", ExpectedVersion.NoStream,
                i % 2 == 0 ? [new AwardRequested($"A{i}", i)] : [new AwardRequested($"A{i}", i), new AwardApproved(i, "b")])],
            TestTypes.Metadata($"req-{i}")))));

        var positions = results.SelectMany(r => r.Events.Select(e => e.Position)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 300).Select(n => before + n), positions);
        Assert.Equal(before + 300, (await store.Head()).Position);
        var read = await store.ReadAll(before, 1000);
        Assert.Equal(positions, read.Select(e => e.Position));
        Assert.All(results, r => Assert.Equal(r.Events.Select(e => e.Hash), read.Where(e => e.StreamId == r.Events[0].StreamId).Select(e => e.Hash)));
        Assert.True((await store.Verify()).Ok);
    }

    [Fact]
    public async Task GivenOneBatchWithTwoCommandsOnOneStream_WhenTheSecondExpectsTheFirstsVersion_ThenBothCommitAndAStaleOneConflicts()
    {
        var store = TestTypes.Store(db.DataSource);
        await using var committer = new GroupCommitter(db.DataSource, TestTypes.Registry(), [], TimeProvider.System);
        store.UseGroupCommit(committer);
        var stream = "award-" + Guid.NewGuid();
        var warmUp = "award-" + Guid.NewGuid();

        Task<AppendResult> first, second, stale, third;
        await using (var hold = await HeadHold.Take(db.DataSource))
        {
            var blocked = store.Append(new StreamAppend(warmUp, "award", ExpectedVersion.NoStream, [new AwardRequested("W", 1)]), TestTypes.Metadata());
            await hold.UntilSomeoneWaits(blocked);
            first = store.Append(new StreamAppend(stream, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1)]), TestTypes.Metadata("r1"));
            second = store.Append(new StreamAppend(stream, "award", 1, [new AwardApproved(1, "b")]), TestTypes.Metadata("r2"));
            stale = store.Append(new StreamAppend(stream, "award", 1, [new AwardApproved(1, "c")]), TestTypes.Metadata("r3"));
            third = store.Append(new StreamAppend(stream, "award", 2, [new AwardApproved(1, "d")]), TestTypes.Metadata("r4"));
            Assert.False(blocked.IsCompleted);
        }

        Assert.Equal(1, (await first).StreamVersions[stream]);
        Assert.Equal(2, (await second).StreamVersions[stream]);
        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() => stale);
        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(3, (await third).StreamVersions[stream]);
        Assert.Equal(["b", "d"], (await store.ReadStream(stream).ToListAsync()).Skip(1).Select(e => ((AwardApproved)e.Data).ApprovedBy));
        Assert.Equal((await first).LastPosition + 1, (await second).Events[0].Position);
        Assert.Equal((await second).LastPosition + 1, (await third).Events[0].Position);
        Assert.Equal(1, await BatchTransactions.Count(db.DataSource, [stream]));
        Assert.True((await store.Verify()).Ok);
    }
}
