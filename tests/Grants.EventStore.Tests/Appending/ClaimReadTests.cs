using Grants.EventStore.Tests.Support;
using Grants.Testing;
using Npgsql;

namespace Grants.EventStore.Tests.Appending;

/// <summary>Reads sent with the version claim see the state the append builds on (the rows committed before it, and
/// in a group-commit batch the earlier commands'), and are consumed only when the claim went through.</summary>
public sealed class ClaimReadTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static AppendOptions ReadingVersion(string stream, List<long> seen) => new(ReadWithClaim: new ClaimRead(
        () => [new NpgsqlBatchCommand("select version from grants.streams where id = $1") { Parameters = { new NpgsqlParameter { Value = stream } } }],
        async (reader, ct) =>
        {
            while (reader.FieldCount == 0 && await reader.NextResultAsync(ct))
            {
            }
            Assert.True(await reader.ReadAsync(ct));
            seen.Add(reader.GetInt64(0));
        }));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GivenAReadWithTheClaim_WhenAppending_ThenItSeesTheClaimedVersionAndIsSkippedOnAConflict(bool groupCommit)
    {
        var (store, committer) = Store(groupCommit);
        await using var _ = committer;
        var stream = "award-" + Guid.NewGuid();
        await store.Append(new StreamAppend(stream, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1)]), TestTypes.Metadata());
        var seen = new List<long>();

        await store.Append([new StreamAppend(stream, "award", 1, [new AwardApproved(1, "b"), new AwardApproved(1, "c")])],
            TestTypes.Metadata(), ReadingVersion(stream, seen));
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.Append(
            [new StreamAppend(stream, "award", 1, [new AwardApproved(1, "d")])], TestTypes.Metadata(), ReadingVersion(stream, seen)));

        // The claim moved the stream to 3 before the read ran; the losing append never handed its read over.
        Assert.Equal([3L], seen);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GivenStreamsDecidedOn_WhenOneMovedBeforeTheAppend_ThenItFailsAsALostRaceNamingItAndWritesNothing(bool groupCommit)
    {
        var (store, committer) = Store(groupCommit);
        await using var _ = committer;
        var (written, still, moved, absent) = ("award-" + Guid.NewGuid(), "award-" + Guid.NewGuid(), "award-" + Guid.NewGuid(), "award-" + Guid.NewGuid());
        await store.Append(new StreamAppend(still, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1)]), TestTypes.Metadata());
        await store.Append(new StreamAppend(moved, "award", ExpectedVersion.NoStream, [new AwardRequested("B", 1)]), TestTypes.Metadata());
        await store.Append(new StreamAppend(moved, "award", 1, [new AwardApproved(1, "b")]), TestTypes.Metadata());
        var dropped = new List<string>();
        StreamExpectation At(string stream, long version) => new(stream, version, () => dropped.Add(stream));

        var lost = await Assert.ThrowsAsync<ConcurrencyException>(() => store.Append(
            [new StreamAppend(written, "award", ExpectedVersion.NoStream, [new AwardRequested("C", 1)])], TestTypes.Metadata(),
            new AppendOptions(ReadWithClaim: ClaimRead.StreamsAt([At(still, 1), At(moved, 1), At(absent, 0)]))));

        Assert.Equal((moved, 1L, 2L), (lost.StreamId, lost.ExpectedVersion, lost.ActualVersion));
        Assert.Equal([moved], dropped);
        Assert.Empty(await ReadAll(store, written));

        // Every stream where it was decided on (a stream never written counts as version 0): the append goes through.
        await store.Append([new StreamAppend(written, "award", ExpectedVersion.NoStream, [new AwardRequested("C", 1)])], TestTypes.Metadata(),
            new AppendOptions(ReadWithClaim: ClaimRead.StreamsAt([At(still, 1), At(moved, 2), At(absent, 0)])));
        Assert.Single(await ReadAll(store, written));
        Assert.Equal([moved], dropped);
    }

    private (PostgresEventStore, GroupCommitter) Store(bool groupCommit)
    {
        var store = TestTypes.Store(db.DataSource);
        var committer = new GroupCommitter(db.DataSource, TestTypes.Registry(), [], TimeProvider.System);
        if (groupCommit)
            store.UseGroupCommit(committer);
        return (store, committer);
    }

    private static async Task<List<StoredEvent>> ReadAll(PostgresEventStore store, string stream)
    {
        var events = new List<StoredEvent>();
        await foreach (var e in store.ReadStream(stream))
            events.Add(e);
        return events;
    }
}
