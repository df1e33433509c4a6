using Grants.EventStore.Tests.Support;
using Grants.Testing;

namespace Grants.EventStore.Tests.GroupCommit;

/// <summary>A command's late writes travel in the next command's claim round trip, the last command's on their own:
/// a refusal in either place fails that command alone, explained in the state it met, and the rest of the batch
/// commits.</summary>
public sealed class GroupCommitLateRefusalTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task GivenOneBatch_WhenALateWriteRefusesInTheMiddleAndAtTheEnd_ThenOnlyThoseCallersFailAndTheOthersCommit()
    {
        var table = "gc_late_" + Guid.NewGuid().ToString("N")[..8];
        await using (var create = db.DataSource.CreateCommand($"create table {table} (applicant text primary key check (applicant not like 'refused%'))"))
            await create.ExecuteNonQueryAsync();
        var projection = new LateRows(table, lateOnly: false);
        var store = TestTypes.Store(db.DataSource, null, projection);
        await using var committer = new GroupCommitter(db.DataSource, TestTypes.Registry(), [projection], TimeProvider.System);
        store.UseGroupCommit(committer);
        var applicants = new[] { "ok-0", "ok-1", "refused-2", "ok-3", "ok-4", "refused-5" };
        var streams = applicants.Select(_ => "award-" + Guid.NewGuid()).ToArray();
        var before = (await store.Head()).Position;

        var calls = new List<Task<AppendResult>>();
        await using (var hold = await HeadHold.Take(db.DataSource))
        {
            calls.Add(store.Append(new StreamAppend("award-" + Guid.NewGuid(), "award", ExpectedVersion.NoStream, [new AwardRequested("first", 1)]), TestTypes.Metadata()));
            await hold.UntilSomeoneWaits(calls[0]);
            // Queued in call order (an append enters the queue before it first awaits) while the first batch waits at
            // the head, so they form the next batch in this order.
            // The first refused command writes a row before its refused one: rolled back with it, though its explanation
            // ran that write again.
            calls.AddRange(applicants.Select((applicant, i) => store.Append(new StreamAppend(streams[i], "award",
                ExpectedVersion.NoStream, applicant == "refused-2"
                    ? [new AwardRequested("before-refused-2", 1), new AwardRequested(applicant, 1)]
                    : [new AwardRequested(applicant, 1)]), TestTypes.Metadata(applicant))));
        }

        Assert.Equal("refused-2 written after 3 rows", (await Assert.ThrowsAsync<InvalidOperationException>(() => calls[3])).Message);
        Assert.Equal("refused-5 written after 4 rows", (await Assert.ThrowsAsync<InvalidOperationException>(() => calls[6])).Message);
        var survivors = await Task.WhenAll(calls.Where((_, i) => i is not (3 or 6)));
        Assert.Equal(Enumerable.Range(1, 5).Select(n => before + n), survivors.Select(r => r.LastPosition));
        await using (var rows = db.DataSource.CreateCommand($"select string_agg(applicant, ',' order by applicant) from {table}"))
            Assert.Equal("first,ok-0,ok-1,ok-3,ok-4", await rows.ExecuteScalarAsync());
        // A refused command is rolled back whole, its stream claim too.
        await using (var claimed = db.DataSource.CreateCommand("select count(*) from grants.streams where id = any($1)"))
        {
            claimed.Parameters.Add(new Npgsql.NpgsqlParameter { Value = streams });
            Assert.Equal(4L, await claimed.ExecuteScalarAsync());
        }
        Assert.True((await store.Verify()).Ok);
    }
}
