using Grants.EventStore.Tests.Support;
using Grants.Testing;

namespace Grants.EventStore.Tests.GroupCommit;

/// <summary>A batch whose projections only queue late writes commits in two round trips; a command that cannot be
/// decided ahead goes one by one after the others; a batch whose attempt meets a refusal runs one by one, with the
/// same outcome for every caller. Each test makes one batch of six by holding the chain head while they queue.</summary>
public sealed class GroupCommitPipelineTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task GivenCommandsOnTheirOwnStreams_WhenEveryProjectionOnlyQueuesLateWrites_ThenTheBatchCommitsPipelinedInCallOrder()
    {
        var (store, committer, table) = await Setup(lateOnly: true);
        await using var _ = committer;
        var before = (await store.Head()).Position;
        var streams = Streams(6);

        var calls = await Batch(store, streams.Select((s, i) => Call(store, s, $"ok-{i}")));

        var results = await Task.WhenAll(calls);
        Assert.Equal(Enumerable.Range(1, 7).Select(n => before + n), results.Select(r => r.LastPosition));
        Assert.Equal(1, await BatchTransactions.Count(db.DataSource, streams));
        Assert.Equal("first,ok-0,ok-1,ok-2,ok-3,ok-4,ok-5", await Rows(table));
        Assert.True((await store.Verify()).Ok);
        await committer.DisposeAsync();
        Assert.Equal((2L, 2L), committer.Counts);
    }

    public static TheoryData<string> DecidedAfter => ["a stream written ahead", "a BeforeCommit"];

    [Theory]
    [MemberData(nameof(DecidedAfter))]
    public async Task GivenACommandThatCannotBeDecidedAhead_WhenItsBatchRuns_ThenTheOthersArePipelinedAndItGoesOneByOneAfterThem(string why)
    {
        var (store, committer, table) = await Setup(lateOnly: true);
        await using var _ = committer;
        var before = (await store.Head()).Position;
        var streams = Streams(6);

        var calls = await Batch(store, streams.Select((s, i) => (why, i) switch
        {
            ("a stream written ahead", 2) => Call(store, streams[1], "ok-2", expected: 1),
            ("a BeforeCommit", 2) => Call(store, s, "ok-2", new AppendOptions(BeforeCommit: (_, _, _, _) => ValueTask.CompletedTask)),
            _ => Call(store, s, $"ok-{i}"),
        }));

        var results = await Task.WhenAll(calls);
        Assert.Equal([before + 1, before + 2, before + 3, before + 7, before + 4, before + 5, before + 6], results.Select(r => r.LastPosition));
        Assert.Equal("first,ok-0,ok-1,ok-2,ok-3,ok-4,ok-5", await Rows(table));
        Assert.True((await store.Verify()).Ok);
        await committer.DisposeAsync();
        Assert.Equal((2L, 2L), committer.Counts);
    }

    public static TheoryData<string> Disqualified => ["a projection writing at once", "pipelining off"];

    [Theory]
    [MemberData(nameof(Disqualified))]
    public async Task GivenABatchThatCannotBePipelined_WhenItRuns_ThenItCommitsOneByOneInCallOrder(string why)
    {
        var (store, committer, table) = await Setup(lateOnly: why != "a projection writing at once", pipeline: why != "pipelining off");
        await using var _ = committer;
        var before = (await store.Head()).Position;

        var calls = await Batch(store, Streams(6).Select((s, i) => Call(store, s, $"ok-{i}")));

        var results = await Task.WhenAll(calls);
        Assert.Equal(Enumerable.Range(1, 7).Select(n => before + n), results.Select(r => r.LastPosition));
        Assert.Equal("first,ok-0,ok-1,ok-2,ok-3,ok-4,ok-5", await Rows(table));
        Assert.True((await store.Verify()).Ok);
        await committer.DisposeAsync();
        Assert.Equal((2L, 0L), committer.Counts);
    }

    public static TheoryData<string> Culprits => ["a stale expected version", "a read that finds its stream moved", "a refused late write"];

    [Theory]
    [MemberData(nameof(Culprits))]
    public async Task GivenAPipelinedBatch_WhenOneCommandFails_ThenTheBatchRunsOneByOneAndOnlyThatCallerFails(string culprit)
    {
        var (store, committer, table) = await Setup(lateOnly: true);
        await using var _ = committer;
        var existing = "award-" + Guid.NewGuid();
        await store.Append(new StreamAppend(existing, "award", ExpectedVersion.NoStream, [new AwardRequested("existing", 1)]), TestTypes.Metadata());
        var before = (await store.Head()).Position;
        var streams = Streams(6);

        var calls = await Batch(store, streams.Select((s, i) => (culprit, i) switch
        {
            ("a stale expected version", 2) => Call(store, existing, "ok-2", expected: ExpectedVersion.NoStream),
            ("a read that finds its stream moved", 2) => Call(store, s, "ok-2",
                new AppendOptions(ReadWithClaim: ClaimRead.StreamsAt([new StreamExpectation(existing, 7)]))),
            ("a refused late write", 2) => Call(store, s, "refused-2"),
            _ => Call(store, s, $"ok-{i}"),
        }));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => calls[3]);
        Assert.Equal(culprit switch
        {
            "a stale expected version" => $"Stream '{existing}' expected at version 0 but is at 1.",
            "a read that finds its stream moved" => $"Stream '{existing}' expected at version 7 but is at 1.",
            _ => "refused-2 written after 2 rows",
        }, failure.Message);
        var survivors = await Task.WhenAll(calls.Where((_, i) => i != 3));
        Assert.Equal(Enumerable.Range(1, 6).Select(n => before + n), survivors.Select(r => r.LastPosition));
        Assert.Equal("existing,first,ok-0,ok-1,ok-3,ok-4,ok-5", await Rows(table));
        Assert.True((await store.Verify()).Ok);
        await committer.DisposeAsync();
        // The setup's append and the first batch went pipelined. A lost race is answered at once and the other five
        // are tried again pipelined; a refused late write sends the six one by one.
        Assert.Equal((3L, culprit == "a refused late write" ? 2L : 3L), committer.Counts);
    }

    [Fact]
    public async Task GivenACommandRefusedAfterThePipelinedOnes_WhenTheCommitFails_ThenOnlyTheUnansweredRunAgainOneByOne()
    {
        var (store, committer, table) = await Setup(lateOnly: true);
        await using var _ = committer;
        // A deferred unique key is checked at COMMIT: the first BeforeCommit of ok-3 makes the attempt's commit fail.
        await using (var create = db.DataSource.CreateCommand(
                         $"create table {table}_deferred (id int, constraint {table}_once unique (id) deferrable initially deferred)"))
            await create.ExecuteNonQueryAsync();
        var (refusals, breaks) = (0, 0);
        var streams = Streams(6);

        var calls = await Batch(store, streams.Select((s, i) => i switch
        {
            // Refused the first time only: run again, it would be stored although its caller was told no.
            2 => Call(store, s, "ok-2", new AppendOptions(BeforeCommit: (_, _, _, _) => Interlocked.Increment(ref refusals) == 1
                ? throw new InvalidOperationException("refused-2 by its hook") : ValueTask.CompletedTask)),
            3 => Call(store, s, "ok-3", new AppendOptions(BeforeCommit: async (connection, transaction, _, ct) =>
            {
                if (Interlocked.Increment(ref breaks) > 1)
                    return;
                await using var twice = new Npgsql.NpgsqlCommand($"insert into {table}_deferred values (1), (1)", connection, transaction);
                await twice.ExecuteNonQueryAsync(ct);
            })),
            _ => Call(store, s, $"ok-{i}"),
        }));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => calls[3]);
        Assert.Equal("refused-2 by its hook", refused.Message);
        await Task.WhenAll(calls.Where((_, i) => i != 3));
        Assert.Equal((1, 2), (refusals, breaks));
        Assert.Equal(ExpectedVersion.NoStream, await store.StreamVersion(streams[2]));
        Assert.Equal("first,ok-0,ok-1,ok-3,ok-4,ok-5", await Rows(table));
        Assert.True((await store.Verify()).Ok);
        await committer.DisposeAsync();
        // The setup's append went pipelined; the batch of six tried pipelined, failed at its commit, then went one by one.
        Assert.Equal((2L, 1L), committer.Counts);
    }

    private async Task<(PostgresEventStore Store, GroupCommitter Committer, string Table)> Setup(bool lateOnly, bool pipeline = true)
    {
        var table = "gc_pipe_" + Guid.NewGuid().ToString("N")[..8];
        await using (var create = db.DataSource.CreateCommand($"create table {table} (applicant text primary key check (applicant not like 'refused%'))"))
            await create.ExecuteNonQueryAsync();
        var projection = new LateRows(table, lateOnly);
        var store = TestTypes.Store(db.DataSource, null, projection);
        var committer = new GroupCommitter(db.DataSource, TestTypes.Registry(), [projection], TimeProvider.System, pipeline: pipeline);
        store.UseGroupCommit(committer);
        return (store, committer, table);
    }

    private static List<string> Streams(int count) => [.. Enumerable.Range(0, count).Select(_ => "award-" + Guid.NewGuid())];

    private static Func<Task<AppendResult>> Call(PostgresEventStore store, string stream, string applicant, AppendOptions? options = null,
                                                 long expected = ExpectedVersion.NoStream) =>
        () => store.Append([new StreamAppend(stream, "award", expected, [new AwardRequested(applicant, 1)])], TestTypes.Metadata(applicant), options);

    /// <summary>A first append that waits at the held head, then the calls, queued in order behind it: one batch.</summary>
    private async Task<List<Task<AppendResult>>> Batch(PostgresEventStore store, IEnumerable<Func<Task<AppendResult>>> calls)
    {
        var started = new List<Task<AppendResult>>();
        await using var hold = await HeadHold.Take(db.DataSource);
        started.Add(Call(store, "award-" + Guid.NewGuid(), "first")());
        await hold.UntilSomeoneWaits(started[0]);
        started.AddRange(calls.Select(call => call()));
        return started;
    }

    private async Task<object?> Rows(string table)
    {
        await using var rows = db.DataSource.CreateCommand($"select string_agg(applicant, ',' order by applicant) from {table}");
        return await rows.ExecuteScalarAsync();
    }
}
