using Grants.Api.Auth;
using Grants.Api.Tests.Audit.Support;
using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using Grants.EventStore;
using Grants.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Lifecycle;

/// <summary>Approvals that share a pipelined batch, through the real server: each caller's answer, its application's
/// row and note, its request's record and the ledgers must be what one by one would have left.</summary>
public sealed class BatchedApprovalsTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly GrantsDesk _desk = fixture.Desk;

    [Fact]
    public async Task GivenSixApprovalsQueuedBehindAHeldBatch_WhenTheyCommitTogether_ThenEachReadsBackReplaysAndRebuildsAsOneByOne()
    {
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, new Grants.Domain.Money(1_000_000_000));
        var assessed = new List<Application>();
        for (var i = 0; i < 7; i++)
            assessed.Add(await _desk.Assessed(await _desk.RegisterEnterprise()));
        var requests = assessed.Select((a, i) => Approval(a.ApplicationId, 30_000_000 + i * 1_000_000)).ToList();
        var committer = fixture.Server.App.Services.GetRequiredService<GroupCommitter>();
        var counts = committer.Counts;

        // One budget line, so one writer: the first approval waits at the held head, the other six queue behind it.
        var calls = new List<Task<ApproveResponse>>();
        await using (var hold = await HeadHold.Take(fixture.Database.DataSource))
        {
            calls.Add(_desk.Approvers.ApproveAsync(requests[0]).ResponseAsync);
            await hold.UntilSomeoneWaits(calls[0]);
            calls.AddRange(requests.Skip(1).Select(r => _desk.Approvers.ApproveAsync(r).ResponseAsync));
            await Until(() => committer.Queued == 6);
        }
        var answers = await Task.WhenAll(calls);

        Assert.Equal((counts.Batches + 2, counts.Pipelined + 2), committer.Counts);
        Assert.Equal(1L, await Transactions(assessed.Skip(1).Select(a => "application-" + a.ApplicationId)));
        foreach (var answer in answers)
            Assert.Equal(await _desk.Get(answer.Application.ApplicationId), answer.Application);
        Assert.Equal(requests.Select(r => r.AmountFen), answers.Select(a => a.Application.Award.CurrentAmountFen));
        // Each request's record was stored: the same request again is answered from it, appending nothing.
        var events = await _desk.EventCount("award_approved.v1");
        foreach (var (request, answer) in requests.Zip(answers))
            Assert.Equal(answer, await _desk.Approvers.ApproveAsync(request));
        Assert.Equal(events, await _desk.EventCount("award_approved.v1"));

        var (_, result) = await Rebuild.Run(fixture.Server.Client<AuditService.AuditServiceClient>(Roles.Auditor), new RebuildCompareRequest());
        Assert.True(result.DifferenceCount == 0, string.Join("; ", result.Differences.Select(d => $"{d.Table} {d.Key} {d.Column}: live {d.Live}, rebuilt {d.Rebuilt}")));
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the approvals were not all queued in time");
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
    }

    /// <summary>How many transactions wrote these streams' approvals: 1 proves they shared a batch.</summary>
    private async Task<long> Transactions(IEnumerable<string> streams)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            "select count(distinct tx_id::text) from grants.events where stream_id = any($1) and type = 'award_approved.v1'");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = streams.ToArray() });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
