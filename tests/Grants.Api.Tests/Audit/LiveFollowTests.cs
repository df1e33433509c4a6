using Grants.Api.Auth;
using Grants.Api.Tests.Audit.Support;
using Grants.Api.Tests.Infrastructure;
using Grants.Contracts.V1;
using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.Appropriating;
using Grpc.Core;

namespace Grants.Api.Tests.Audit;

public sealed class LiveFollowTests(GrantsServerFixture fixture) : IClassFixture<GrantsServerFixture>
{
    private const int Writers = 4;
    private const int AppendsEach = 60;

    [Fact]
    public async Task GivenFollowersFromTheHead_WhenWritersAppendConcurrently_ThenEachSeesEveryMatchingEventExactlyOnceInOrder()
    {
        var client = fixture.Server.Client<AuditService.AuditServiceClient>(Roles.Auditor);
        var start = (await client.GetDigestAsync(new GetDigestRequest())).Position;
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var all = Follow(client, new StreamEventsRequest { FromPosition = start + 1, Follow = true }, Writers * AppendsEach, stop.Token);
        var stcOnly = Follow(client, new StreamEventsRequest
        {
            FromPosition = start + 1, Follow = true, BureauCode = "HP-STC", EventTypes = { AppropriationMade.Name },
        }, AppendsEach * 2, stop.Token);

        var desk = new AuditDesk(fixture.Server);
        var lines = new[]
        {
            new BudgetKey(AuditWorkload.Ipo, 2025, AuditWorkload.Art1Line.Measure), new BudgetKey(AuditWorkload.Ipo, 2026, AuditWorkload.Art1Line.Measure),
            new BudgetKey(AuditWorkload.Stc, 2025, AuditWorkload.Art3Line.Measure), new BudgetKey(AuditWorkload.Stc, 2026, AuditWorkload.Art3Line.Measure),
        };
        await Task.WhenAll(lines.Select(line => Task.Run(async () =>
        {
            for (var i = 1; i <= AppendsEach; i++)
                await desk.File(new Appropriate(line, Money.FromYuan(i), "追加预算", $"黄财预〔{line.FiscalYear}〕{i}号", new DateOnly(line.FiscalYear, 1, 15)));
        })));

        var everything = await all;
        var stc = await stcOnly;
        Assert.Equal(Enumerable.Range(1, Writers * AppendsEach).Select(i => start + i), everything.Select(e => e.Position));
        Assert.Equal(everything.Where(e => e.StreamId.Contains("HP-STC", StringComparison.Ordinal)).Select(e => e.Position),
            stc.Select(e => e.Position));
        Assert.Equal(AppendsEach * 2, stc.Count);
    }

    [Fact]
    public async Task GivenAFollowerWithNothingNew_WhenTheClientCancels_ThenTheCallEndsCancelled()
    {
        var client = fixture.Server.Client<AuditService.AuditServiceClient>(Roles.Auditor);
        var head = (await client.GetDigestAsync(new GetDigestRequest())).Position;
        using var cancel = new CancellationTokenSource();
        using var call = client.StreamEvents(new StreamEventsRequest { FromPosition = head + 1, Follow = true }, cancellationToken: cancel.Token);

        var reading = call.ResponseStream.MoveNext(cancel.Token);
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => reading);

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    /// <summary>Reads a live stream until it has <paramref name="expected"/> events, then cancels it.</summary>
    private static Task<List<AuditEvent>> Follow(AuditService.AuditServiceClient client, StreamEventsRequest request, int expected,
                                                CancellationToken deadline) => Task.Run(async () =>
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(deadline);
        using var call = client.StreamEvents(request, cancellationToken: done.Token);
        var events = new List<AuditEvent>();
        while (events.Count < expected && await call.ResponseStream.MoveNext(done.Token))
            events.Add(call.ResponseStream.Current);
        await done.CancelAsync();
        return events;
    });
}
