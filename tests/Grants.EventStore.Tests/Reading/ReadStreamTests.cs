using Grants.EventStore.Tests.Support;
using Grants.Testing;

namespace Grants.EventStore.Tests.Reading;

public sealed class ReadStreamTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Monday = new(2024, 3, 4, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task GivenAStreamWrittenOverThreeDays_WhenReadUpToAVersionOrAsOfAMoment_ThenOnlyThatPrefixIsReturned()
    {
        var clock = new ManualClock(Monday);
        var store = TestTypes.Store(db.DataSource, clock);
        var stream = "award-" + Guid.NewGuid();
        for (var day = 0; day < 3; day++)
        {
            clock.Now = Monday.AddDays(day);
            await store.Append(new StreamAppend(stream, "award", day * 2, [new AwardRequested("A", day), new AwardApproved(day, "b")]), TestTypes.Metadata());
        }

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], await Versions(store.ReadStream(stream)));
        Assert.Equal([1L, 2L, 3L], await Versions(store.ReadStream(stream, toVersion: 3)));
        Assert.Equal([1L, 2L, 3L, 4L], await Versions(store.ReadStream(stream, asOf: Monday.AddDays(1))));
        Assert.Equal([1L, 2L], await Versions(store.ReadStream(stream, asOf: Monday.AddDays(1).AddTicks(-10))));
        Assert.Equal([1L, 2L, 3L], await Versions(store.ReadStream(stream, toVersion: 3, asOf: Monday.AddDays(5))));
        Assert.Empty(await Versions(store.ReadStream(stream, asOf: Monday.AddDays(-1))));
        Assert.Empty(await Versions(store.ReadStream("no-such-stream")));
        Assert.Equal(Monday.AddDays(2), (await store.ReadStream(stream).LastAsync()).RecordedAt);
    }

    [Fact]
    public async Task GivenBodiesAndANoteOutsideAscii_WhenRead_ThenTheyComeBackExactlyAsWritten()
    {
        var store = TestTypes.Store(db.DataSource);
        var stream = "award-" + Guid.NewGuid();
        // The note as jsonb renders an object (a space after ':' and ','), so what is read back can be compared whole.
        var metadata = new EventMetadata("科技局:王芳", "请求-1", "关联\u2028", null, """{"comment": "材料齐全 \"甲\" 😀", "officer": "李"}""");
        await store.Append(new StreamAppend(stream, "award", ExpectedVersion.NoStream,
            [new AwardRequested("上海某金融科技有限公司 \"甲\"\n\u2028", 2_000_000_00)]), metadata);

        var read = await store.ReadStream(stream).SingleAsync();

        Assert.Equal(new AwardRequested("上海某金融科技有限公司 \"甲\"\n\u2028", 2_000_000_00), read.Data);
        Assert.Equal(metadata, read.Metadata);
    }

    [Fact]
    public async Task GivenEventsInTheGlobalOrder_WhenReadAllInPages_ThenPagesAreContiguous()
    {
        var store = TestTypes.Store(db.DataSource);
        var start = (await store.Head()).Position;
        for (var i = 0; i < 5; i++)
            await store.Append(new StreamAppend($"page-{i % 2}-{start}", "award", ExpectedVersion.Any, [new AwardRequested("A", i), new AwardRequested("B", i)]), TestTypes.Metadata());

        var first = await store.ReadAll(start, 4);
        var rest = await store.ReadAll(first[^1].Position, 100);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => start + i), first.Concat(rest).Select(e => e.Position));
    }

    [Fact]
    public async Task GivenAFollowerStartedMidway_WhenNewEventsCommit_ThenItYieldsTheRestThenTheNewOnes()
    {
        var store = TestTypes.Store(db.DataSource);
        var stream = "follow-" + Guid.NewGuid();
        var first = await store.Append(new StreamAppend(stream, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1), new AwardRequested("B", 2)]), TestTypes.Metadata());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var follow = store.Follow(first.Events[0].Position, stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await follow.MoveNextAsync());
        Assert.Equal(first.Events[1].Position, follow.Current.Position);
        var waiting = follow.MoveNextAsync();
        var later = await store.Append(new StreamAppend(stream, "award", 2, [new AwardApproved(3, "c")]), TestTypes.Metadata());
        Assert.True(await waiting);
        Assert.Equal(later.LastPosition, follow.Current.Position);

        var next = follow.MoveNextAsync();
        await stop.CancelAsync();
        Assert.False(await next, "cancelling ends the sequence quietly");
    }

    private static async Task<List<long>> Versions(IAsyncEnumerable<StoredEvent> events) =>
        await events.Select(e => e.Version).ToListAsync();
}
