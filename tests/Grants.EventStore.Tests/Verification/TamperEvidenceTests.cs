using System.Text;
using Grants.EventStore.Tests.Support;
using Grants.Testing;
using Npgsql;

namespace Grants.EventStore.Tests.Verification;

public sealed class TamperEvidenceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const int Events = 20;

    [Fact]
    public async Task GivenAnUntouchedStore_WhenVerified_ThenOkThroughTheHeadAlsoAgainstAnEarlierDigest()
    {
        var (_, store) = await StoreWithEvents();
        var digest = await store.Head();
        await store.Append(new StreamAppend("late", "award", ExpectedVersion.Any, [new AwardRequested("late", 1)]), TestTypes.Metadata());

        Assert.Equal(new VerifyResult(true, Events + 1, null, null), await store.Verify());
        Assert.True((await store.Verify(expected: digest)).Ok);
        Assert.Equal(new VerifyResult(true, 15, null, null), await store.Verify(fromPosition: 5, toPosition: 15));
        Assert.True((await TestTypes.Store(await db.CreateDatabase()).Verify()).Ok);
    }

    [Fact]
    public async Task GivenAStoredEvent_WhenUpdatedOrDeleted_ThenTheAppendOnlyTriggerRefuses()
    {
        var (dataSource, _) = await StoreWithEvents();

        var update = await Assert.ThrowsAsync<PostgresException>(() => Sql(dataSource, "update grants.events set type = 'x' where position = 3"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => Sql(dataSource, "delete from grants.events where position = 3"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
    }

    [Fact]
    public async Task GivenEventDataChangedWithSqlUpdate_WhenVerified_ThenExactlyThatPositionIsReported()
    {
        var (dataSource, store) = await StoreWithEvents();
        var digest = await store.Head();

        await Tamper(dataSource, "update grants.events set data = jsonb_set(data, '{amount_fen}', '999999999') where position = 7");

        var result = await store.Verify();
        Assert.Equal((false, 6L, 7L), (result.Ok, result.CheckedThrough, result.FirstBadPosition));
        Assert.Contains("changed", result.Problem);
        Assert.Equal(7, (await store.Verify(expected: digest)).FirstBadPosition);
        Assert.True((await store.Verify(fromPosition: 1, toPosition: 6)).Ok);
    }

    [Fact]
    public async Task GivenMetadataOrTimeChanged_WhenVerified_ThenThatPositionIsReported()
    {
        var (dataSource, store) = await StoreWithEvents();

        await Tamper(dataSource, "update grants.events set recorded_at = recorded_at - interval '1 microsecond' where position = 11");
        await Tamper(dataSource, "update grants.events set metadata = jsonb_set(metadata, '{actor}', '\"officer:zhao\"') where position = 15");

        Assert.Equal(11, (await store.Verify()).FirstBadPosition);
        Assert.Equal(15, (await store.Verify(fromPosition: 12)).FirstBadPosition);
    }

    [Fact]
    public async Task GivenARowDeleted_WhenVerified_ThenItsPositionIsReportedMissing()
    {
        var (dataSource, store) = await StoreWithEvents();

        await Tamper(dataSource, "delete from grants.events where position = 12");

        var result = await store.Verify();
        Assert.Equal((false, 12L), (result.Ok, result.FirstBadPosition));
        Assert.Contains("missing", result.Problem);
    }

    [Fact]
    public async Task GivenTheLastRowsDeletedAndTheHeadMovedBack_WhenVerifiedAgainstAnEarlierDigest_ThenTheLossIsReported()
    {
        var (dataSource, store) = await StoreWithEvents();
        var digest = await store.Head();
        await Tamper(dataSource, "delete from grants.events where position > 17");

        Assert.Equal(18, (await store.Verify()).FirstBadPosition);
        await Tamper(dataSource, "update grants.event_head set position = 17, hash = (select hash from grants.events where position = 17)");
        Assert.True((await store.Verify()).Ok);
        Assert.Equal(18, (await store.Verify(expected: digest)).FirstBadPosition);
    }

    [Fact]
    public async Task GivenHistoryRewrittenAndEveryHashRecomputed_WhenVerifiedAgainstADigestTakenBefore_ThenItFails()
    {
        var (dataSource, store) = await StoreWithEvents();
        var digest = await store.Head();

        await Tamper(dataSource, "update grants.events set data = jsonb_set(data, '{amount_fen}', '1') where position = 5");
        await RecomputeChain(dataSource);

        Assert.True((await store.Verify()).Ok, "a full re-hash is self-consistent; only a kept digest exposes it");
        var result = await store.Verify(expected: digest);
        Assert.Equal((false, (long?)Events), (result.Ok, result.FirstBadPosition));
        Assert.Contains("digest", result.Problem);
    }

    private async Task<(NpgsqlDataSource, PostgresEventStore)> StoreWithEvents()
    {
        var dataSource = await db.CreateDatabase();
        var store = TestTypes.Store(dataSource);
        for (var i = 0; i < Events / 4; i++)
            await store.Append(new StreamAppend($"award-{i % 3}", "award", ExpectedVersion.Any,
                [new AwardRequested("申请人 \"甲\"\n", 100_000_00 * i), new AwardApproved(i, "director:li"),
                 new AwardRequested("B", -5), new AwardApproved(long.MaxValue, "\u2028\\")]), TestTypes.Metadata($"req-{i}"));
        return (dataSource, store);
    }

    /// <summary>What someone with superuser rights could do: switch the guard off and edit rows.</summary>
    private static Task Tamper(NpgsqlDataSource dataSource, string sql) => Sql(dataSource, $"""
        alter table grants.events disable trigger events_append_only;
        {sql};
        alter table grants.events enable trigger events_append_only;
        """);

    private static async Task Sql(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The careful forger: recompute every hash from the stored rows, exactly as Verify does.</summary>
    private static async Task RecomputeChain(NpgsqlDataSource dataSource)
    {
        var rows = new List<(long Position, byte[] Bytes)>();
        await using (var read = dataSource.CreateCommand(
            "select position, stream_id, stream_type, version, type, data::text, metadata::text, recorded_at from grants.events order by position"))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                rows.Add((reader.GetInt64(0), EventHashing.CanonicalBytes(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                    reader.GetInt64(3), reader.GetString(4), Encoding.UTF8.GetBytes(reader.GetString(5)),
                    Encoding.UTF8.GetBytes(reader.GetString(6)), reader.GetFieldValue<DateTimeOffset>(7))));
        }
        var previous = EventHashing.Genesis.ToArray();
        var sql = new StringBuilder("alter table grants.events disable trigger events_append_only;");
        foreach (var (position, bytes) in rows)
        {
            var hash = EventHashing.ChainHash(previous, bytes);
            sql.Append($"update grants.events set prev_hash = '\\x{Convert.ToHexString(previous)}', hash = '\\x{Convert.ToHexString(hash)}' where position = {position};");
            previous = hash;
        }
        sql.Append($"update grants.event_head set hash = '\\x{Convert.ToHexString(previous)}';");
        await Sql(dataSource, sql.ToString());
    }
}
