using Grants.EventStore.Tests.Support;
using Grants.Testing;
using Npgsql;

namespace Grants.EventStore.Tests.Appending;

public sealed class AppendTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task GivenNewStream_WhenAppendingTwoEvents_ThenTheyGetVersionsOneAndTwoAndDensePositions()
    {
        var store = TestTypes.Store(db.DataSource);
        var stream = "award-" + Guid.NewGuid();
        var before = await store.Head();

        var result = await store.Append(new StreamAppend(stream, "award", ExpectedVersion.NoStream,
            [new AwardRequested("Acme Fintech", 1_000_000_00), new AwardApproved(1_000_000_00, "director:li")]), TestTypes.Metadata());

        Assert.Equal([1L, 2L], result.Events.Select(e => e.Version));
        Assert.Equal([before.Position + 1, before.Position + 2], result.Events.Select(e => e.Position));
        Assert.Equal(2, result.StreamVersions[stream]);
        Assert.Equal(2, await store.StreamVersion(stream));
        Assert.Equal(result.Events[0].Hash, result.Events[1].PreviousHash);
        Assert.Equal(new ChainHead(result.LastPosition, result.Events[1].Hash).HashHex, (await store.Head()).HashHex);
        var read = await store.ReadStream(stream).ToListAsync();
        Assert.Equal(new AwardRequested("Acme Fintech", 1_000_000_00), read[0].Data);
        Assert.Equal(TestTypes.Metadata(), read[0].Metadata);
        Assert.Equal("award_approved.v1", read[1].EventType);
    }

    [Fact]
    public async Task GivenExistingStream_WhenAppendingAsNoStream_ThenConcurrencyExceptionCarriesActualVersion()
    {
        var store = TestTypes.Store(db.DataSource);
        var stream = "award-" + Guid.NewGuid();
        await store.Append(new StreamAppend(stream, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1)]), TestTypes.Metadata());

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            store.Append(new StreamAppend(stream, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1)]), TestTypes.Metadata()));

        Assert.Equal((stream, 0L, 1L), (conflict.StreamId, conflict.ExpectedVersion, conflict.ActualVersion));
    }

    [Fact]
    public async Task GivenStreamAtVersionTwo_WhenAppendingExpectingOne_ThenConcurrencyException()
    {
        var store = TestTypes.Store(db.DataSource);
        var stream = "award-" + Guid.NewGuid();
        await store.Append(new StreamAppend(stream, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1), new AwardApproved(1, "b")]), TestTypes.Metadata());

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            store.Append(new StreamAppend(stream, "award", 1, [new AwardApproved(1, "b")]), TestTypes.Metadata()));

        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(3, (await store.Append(new StreamAppend(stream, "award", 2, [new AwardApproved(1, "b")]), TestTypes.Metadata())).StreamVersions[stream]);
    }

    [Fact]
    public async Task GivenAnyExpectedVersion_WhenAppendingTwice_ThenBothLandInOrder()
    {
        var store = TestTypes.Store(db.DataSource);
        var stream = "catalog-" + Guid.NewGuid();

        await store.Append(new StreamAppend(stream, "catalog", ExpectedVersion.Any, [new AwardRequested("A", 1)]), TestTypes.Metadata());
        var second = await store.Append(new StreamAppend(stream, "catalog", ExpectedVersion.Any, [new AwardRequested("B", 2), new AwardRequested("C", 3)]), TestTypes.Metadata());

        Assert.Equal([2L, 3L], second.Events.Select(e => e.Version));
    }

    [Fact]
    public async Task GivenTwoStreamsOneStale_WhenAppendingBoth_ThenNeitherIsWritten()
    {
        var store = TestTypes.Store(db.DataSource);
        var fresh = "award-" + Guid.NewGuid();
        var stale = "budget-" + Guid.NewGuid();
        await store.Append(new StreamAppend(stale, "budget", ExpectedVersion.NoStream, [new AwardRequested("A", 1)]), TestTypes.Metadata());
        var head = await store.Head();

        await Assert.ThrowsAsync<ConcurrencyException>(() => store.Append(
            [new StreamAppend(fresh, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1)]),
             new StreamAppend(stale, "budget", ExpectedVersion.NoStream, [new AwardRequested("A", 1)])],
            TestTypes.Metadata()));

        Assert.Equal(0, await store.StreamVersion(fresh));
        Assert.Equal(head.Position, (await store.Head()).Position);
    }

    [Fact]
    public async Task GivenBeforeCommitThatThrows_WhenAppending_ThenNothingIsWrittenAndNoPositionIsUsed()
    {
        var store = TestTypes.Store(db.DataSource);
        var stream = "award-" + Guid.NewGuid();
        var head = await store.Head();
        IReadOnlyList<StoredEvent>? seen = null;

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Append(
            [new StreamAppend(stream, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1)])], TestTypes.Metadata(),
            new AppendOptions((_, _, events, _) => { seen = events; throw new InvalidOperationException("refused"); })));

        Assert.Equal(0, await store.StreamVersion(stream));
        Assert.Equal(head.Position, (await store.Head()).Position);
        Assert.Equal((0L, 1L), (seen![0].Position, seen[0].Version));
        var next = await store.Append(new StreamAppend(stream, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1)]), TestTypes.Metadata());
        Assert.Equal(head.Position + 1, next.LastPosition);
    }

    [Fact]
    public async Task GivenInlineProjection_WhenAppending_ThenItWritesInTheSameTransaction()
    {
        var table = "inline_" + Guid.NewGuid().ToString("N");
        await using (var create = db.DataSource.CreateCommand($"create table {table} (stream_id text, version bigint)"))
            await create.ExecuteNonQueryAsync();
        var store = TestTypes.Store(db.DataSource, null, new RecordingProjection(table));
        var stream = "award-" + Guid.NewGuid();

        await store.Append(new StreamAppend(stream, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1), new AwardRequested("B", 2)]), TestTypes.Metadata());
        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            store.Append(new StreamAppend(stream, "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1)]), TestTypes.Metadata()));

        await using var count = db.DataSource.CreateCommand($"select count(*) from {table}");
        Assert.Equal(2L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task GivenEventWithFraction_WhenAppending_ThenItIsRefusedBeforeAnythingIsWritten()
    {
        var store = TestTypes.Store(db.DataSource);
        var stream = "award-" + Guid.NewGuid();

        await Assert.ThrowsAsync<CanonicalJsonException>(() =>
            store.Append(new StreamAppend(stream, "award", ExpectedVersion.NoStream, [new WithFraction(0.5)]), TestTypes.Metadata()));

        Assert.Equal(0, await store.StreamVersion(stream));
    }

    [Fact]
    public async Task GivenUnregisteredEventType_WhenAppending_ThenInvalidOperationException()
    {
        var store = TestTypes.Store(db.DataSource);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.Append(new StreamAppend("x-" + Guid.NewGuid(), "x", ExpectedVersion.NoStream, [new { Unregistered = true }]), TestTypes.Metadata()));
    }

    [Fact]
    public async Task GivenAStrayRowAtTheNextVersion_WhenAppending_ThenTheUniqueViolationSurfacesAsConcurrencyException()
    {
        var dataSource = await db.CreateDatabase();
        var store = TestTypes.Store(dataSource);
        await store.Append(new StreamAppend("award-1", "award", ExpectedVersion.NoStream, [new AwardRequested("A", 1)]), TestTypes.Metadata());
        // A row the version claim cannot know about (written behind the store's back) occupies version 2.
        await using (var stray = dataSource.CreateCommand("""
            insert into grants.events (position, stream_id, stream_type, version, type, data, metadata, recorded_at, prev_hash, hash)
            values (1000000, 'award-1', 'award', 2, 'award_requested.v1', '{}', '{}', now(), '\x00', '\x00')
            """))
            await stray.ExecuteNonQueryAsync();

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            store.Append(new StreamAppend("award-1", "award", 1, [new AwardRequested("B", 2)]), TestTypes.Metadata()));

        Assert.Equal(("award-1", 1L, 1L), (conflict.StreamId, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(1, await store.StreamVersion("award-1"));
    }

    private sealed class RecordingProjection(string table) : IInlineProjection
    {
        public async ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct)
        {
            foreach (var e in events)
            {
                await using var insert = new NpgsqlCommand($"insert into {table} values ($1, $2)", connection, transaction)
                {
                    Parameters = { new() { Value = e.StreamId }, new() { Value = e.Version } },
                };
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
    }
}
