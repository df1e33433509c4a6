using Grants.EventStore.Tests.Support;
using Grants.Testing;
using Npgsql;

namespace Grants.EventStore.Tests.GroupCommit;

public sealed class GroupCommitRefusalTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task GivenOneBatch_WhenTheProjectionRefusesOneCommandAfterWriting_ThenOnlyItsCallerFailsAndNothingOfItRemains()
    {
        var table = "gc_projection_" + Guid.NewGuid().ToString("N")[..8];
        await using (var create = db.DataSource.CreateCommand($"create table {table} (applicant text primary key)"))
            await create.ExecuteNonQueryAsync();
        var projection = new RefuseApplicant(table, "refused");
        var store = TestTypes.Store(db.DataSource, null, projection);
        await using var committer = new GroupCommitter(db.DataSource, TestTypes.Registry(), [projection], TimeProvider.System);
        store.UseGroupCommit(committer);
        var streams = Enumerable.Range(0, 5).Select(_ => "award-" + Guid.NewGuid()).ToList();
        var before = (await store.Head()).Position;

        var calls = new List<Task<AppendResult>>();
        await using (var hold = await HeadHold.Take(db.DataSource))
        {
            calls.Add(store.Append(new StreamAppend("award-" + Guid.NewGuid(), "award", ExpectedVersion.NoStream, [new AwardRequested("first", 1)]), TestTypes.Metadata()));
            await hold.UntilSomeoneWaits(calls[0]);
            calls.AddRange(streams.Select((s, i) => store.Append(
                new StreamAppend(s, "award", ExpectedVersion.NoStream, [new AwardRequested(i == 2 ? "refused" : $"ok-{i}", 1)]), TestTypes.Metadata($"r{i}"))));
        }

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => calls[3]);
        Assert.Equal("refused applicant", refusal.Message);
        var survivors = await Task.WhenAll(calls.Where((_, i) => i != 3));
        Assert.Equal(Enumerable.Range(1, 5).Select(n => before + n), survivors.Select(r => r.LastPosition));
        Assert.Equal(1, await BatchTransactions.Count(db.DataSource, streams));
        Assert.Equal(0, await store.StreamVersion(streams[2]));
        await using (var rows = db.DataSource.CreateCommand($"select string_agg(applicant, ',' order by applicant) from {table}"))
            Assert.Equal("first,ok-0,ok-1,ok-3,ok-4", await rows.ExecuteScalarAsync());
        Assert.True((await store.Verify()).Ok);
    }

    /// <summary>Writes a row for every request, then refuses one applicant: its row must vanish with its savepoint.</summary>
    private sealed class RefuseApplicant(string table, string refused) : IInlineProjection
    {
        public async ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct)
        {
            foreach (var e in events)
            {
                if (e.Data is not AwardRequested requested)
                    continue;
                await using var insert = new NpgsqlCommand($"insert into {table} (applicant) values ($1)", connection, transaction);
                insert.Parameters.Add(new NpgsqlParameter { Value = requested.Applicant });
                await insert.ExecuteNonQueryAsync(ct);
                if (requested.Applicant == refused)
                    throw new InvalidOperationException("refused applicant");
            }
        }
    }
}
