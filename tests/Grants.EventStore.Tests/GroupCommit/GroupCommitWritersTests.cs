using Grants.EventStore.Tests.Support;
using Grants.Testing;

namespace Grants.EventStore.Tests.GroupCommit;

public sealed class GroupCommitWritersTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task GivenThreeWritersAndTenPartitions_When200CallersAppendAtOnce_ThenPositionsAreDenseEachAppendIsStoredOnceAndTheChainVerifies()
    {
        var store = TestTypes.Store(db.DataSource);
        // The partition is the stream's group: "award-<group>-<n>".
        await using var committer = new GroupCommitter(db.DataSource, TestTypes.Registry(), [], TimeProvider.System, maxBatch: 8,
            writers: 3, partitionOf: appends => appends[0].StreamId.Split('-')[1]);
        store.UseGroupCommit(committer);
        var before = (await store.Head()).Position;
        var run = Guid.NewGuid().ToString("N")[..6];

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => store.Append(
            [new StreamAppend($"award-g{i % 10}{run}-{i}", "award", ExpectedVersion.NoStream, [new AwardRequested($"A{i}", i)])],
            TestTypes.Metadata($"req-{run}-{i}")))));

        var positions = results.Select(r => r.Events.Single().Position).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 200).Select(n => before + n), positions);
        var read = await store.ReadAll(before, 1000);
        Assert.Equal(200, read.Select(e => e.StreamId).Distinct().Count());
        Assert.True((await store.Verify()).Ok);
        // The appends were spread over more than one batch transaction.
        var streams = read.Select(e => e.StreamId).ToList();
        Assert.True(await BatchTransactions.Count(db.DataSource, streams) > 1);
    }

    [Fact]
    public void GivenAPartition_WhenItsWriterIsAsked_ThenTheAnswerIsStableAndInRange()
    {
        Assert.Equal(GroupCommitter.WriterOf("budget-HP-IPO-2025-HP-2024-3/1", 4), GroupCommitter.WriterOf("budget-HP-IPO-2025-HP-2024-3/1", 4));
        Assert.All(Enumerable.Range(0, 500), n => Assert.InRange(GroupCommitter.WriterOf($"budget-{n}", 3), 0, 2));
        // FNV-1a of "a" is 0xE40C292C: a fixed answer, not one that changes with each process's string hashing.
        Assert.Equal((int)(0xE40C292Cu % 7u), GroupCommitter.WriterOf("a", 7));
        Assert.Equal(0, GroupCommitter.WriterOf("anything", 1));
    }

    [Fact]
    public async Task GivenTwoWriters_WhenOnePartitionIsHeldUpAtTheHead_ThenTheOtherPartitionsAppendsStillRunTheirProjections()
    {
        var store = TestTypes.Store(db.DataSource);
        var seen = new ProjectionProbe();
        // Two partitions that land on different writers.
        var (pa, pb) = ("p0", Enumerable.Range(1, 100).Select(n => $"p{n}").First(p => GroupCommitter.WriterOf(p, 2) != GroupCommitter.WriterOf("p0", 2)));
        await using var committer = new GroupCommitter(db.DataSource, TestTypes.Registry(), [seen], TimeProvider.System,
            writers: 2, partitionOf: appends => appends[0].StreamId.StartsWith("award-a", StringComparison.Ordinal) ? pa : pb);
        store.UseGroupCommit(committer);
        var a = "award-a" + Guid.NewGuid().ToString("N");
        var b = "award-b" + Guid.NewGuid().ToString("N");

        Task<AppendResult> first, second;
        await using (var hold = await HeadHold.Take(db.DataSource))
        {
            first = store.Append(new StreamAppend(a, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1)]), TestTypes.Metadata());
            await hold.UntilSomeoneWaits(first);
            // With one writer this append would wait behind the held batch; its own writer gets as far as the head.
            second = store.Append(new StreamAppend(b, "award", ExpectedVersion.NoStream, [new AwardRequested("B", 2)]), TestTypes.Metadata());
            await Eventually.Until(() => Task.FromResult(seen.Saw(b)), TimeSpan.FromSeconds(20),
                "the second writer runs its batch's projections while the first waits at the head");
            Assert.False(first.IsCompleted);
            Assert.False(second.IsCompleted);
        }

        Assert.Equal(1, (await first).StreamVersions[a]);
        Assert.Equal(1, (await second).StreamVersions[b]);
        Assert.True((await store.Verify()).Ok);
    }
}

internal sealed class ProjectionProbe : IInlineProjection
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _streams = new(StringComparer.Ordinal);

    public bool Saw(string streamId) => _streams.ContainsKey(streamId);

    public ValueTask Apply(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events,
                           CancellationToken ct)
    {
        foreach (var e in events)
            _streams[e.StreamId] = true;
        return ValueTask.CompletedTask;
    }
}
