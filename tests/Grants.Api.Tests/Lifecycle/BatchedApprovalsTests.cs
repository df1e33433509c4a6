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
            await Eventually.Until(() => Task.FromResult(committer.Queued == 6), TimeSpan.FromSeconds(60), "the six approvals wait for the next batch");
        }
        var answers = await Task.WhenAll(calls);

        Assert.Equal((counts.Batches + 2, counts.Pipelined + 2), committer.Counts);
        Assert.Equal(1L, await BatchTransactions.Count(fixture.Database.DataSource,
            assessed.Skip(1).Select(a => "application-" + a.ApplicationId), "award_approved.v1"));
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
}
