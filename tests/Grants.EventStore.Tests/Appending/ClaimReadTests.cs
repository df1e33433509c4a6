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
        var store = TestTypes.Store(db.DataSource);
        await using var committer = new GroupCommitter(db.DataSource, TestTypes.Registry(), [], TimeProvider.System);
        if (groupCommit)
            store.UseGroupCommit(committer);
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
}
