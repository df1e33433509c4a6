using Google.Protobuf.WellKnownTypes;
using Grants.Api.Auth;
using Grants.Api.Tests.Audit.Support;
using Grants.Contracts.V1;
using Grants.Domain.Applications.Approving;
using Grpc.Core;
using Npgsql;

namespace Grants.Api.Tests.Audit;

[Collection(AuditWorkloadCollection.Name)]
public sealed class StreamEventsTests(AuditWorkloadFixture fixture)
{
    private AuditService.AuditServiceClient Auditor => fixture.Server.Client<AuditService.AuditServiceClient>(Roles.Auditor);

    [Fact]
    public async Task GivenTheWholeLog_WhenStreamed_ThenEveryPositionArrivesOnceInOrderAndEveryHashRecomputesFromTheWireText()
    {
        var digest = await Auditor.GetDigestAsync(new GetDigestRequest());

        var events = await Events.All(Auditor, new StreamEventsRequest { ToPosition = digest.Position });

        Assert.Equal(Enumerable.Range(1, (int)digest.Position).Select(p => (long)p), events.Select(e => e.Position));
        var previous = new string('0', 64);
        foreach (var e in events)
        {
            Assert.Equal(previous, e.PrevHash);
            Assert.Equal(e.Hash, IndependentHash.Of(previous, e));
            Assert.Empty(e.CanonicalProblem);
            previous = e.Hash;
        }
        Assert.Equal(digest.Hash, previous);
    }

    [Fact]
    public async Task GivenAStartPosition_WhenStreamedWithoutAnEnd_ThenItStopsAtTheHeadOfTheCall()
    {
        var head = (await Auditor.GetDigestAsync(new GetDigestRequest())).Position;

        var events = await Events.All(Auditor, new StreamEventsRequest { FromPosition = head - 9 });

        Assert.Equal(Enumerable.Range(0, 10).Select(i => head - 9 + i), events.Select(e => e.Position));
    }

    [Fact]
    public async Task GivenABureauFilter_WhenStreamed_ThenExactlyTheEventsNamingThatBureauArrive()
    {
        var events = await Events.All(Auditor, new StreamEventsRequest { BureauCode = AuditWorkload.Stc.Value });

        // Written independently of the service's jsonpath: the jsonb text of any object naming the bureau under one of
        // the four bureau fields, at any depth (catalog policies name paying bureaus of their measures too).
        var expected = await Positions("""
            select position from grants.events
             where data::text like any (array['%"paying_bureau": "HP-STC"%', '%"approver_bureau": "HP-STC"%',
                                              '%"official_bureau": "HP-STC"%', '%"bureau": "HP-STC"%'])
             order by position
            """);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, events.Select(e => e.Position));
        Assert.All(events, e => Assert.Contains("\"HP-STC\"", e.DataJson, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivenTypeAndTimeFilters_WhenStreamed_ThenOnlyApprovalsRecordedInTheWindowArrive()
    {
        var from = fixture.QuietMoment;

        var events = await Events.All(Auditor, new StreamEventsRequest
        {
            EventTypes = { AwardApproved.Name }, RecordedFrom = Timestamp.FromDateTimeOffset(from),
        });

        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.Equal(AwardApproved.Name, e.Type);
            Assert.True(e.RecordedAt.ToDateTimeOffset() >= from);
        });
        Assert.Equal(await Positions($"""
            select position from grants.events where type = '{AwardApproved.Name}' and position > {fixture.QuietSnapshot.Position} order by position
            """), events.Select(e => e.Position));
    }

    [Fact]
    public async Task GivenAStreamFilter_WhenStreamed_ThenThatStreamsEventsArriveByVersionWithMetadata()
    {
        var events = await Events.All(Auditor, new StreamEventsRequest { StreamId = "application-HP-2025-000004" });

        Assert.Equal(Enumerable.Range(1, events.Count).Select(v => (long)v), events.Select(e => e.Version));
        Assert.All(events, e =>
        {
            Assert.Equal("application", e.StreamType);
            Assert.Equal("test:audit-desk", e.Metadata.Actor);
            Assert.Equal($"{{\"actor\":\"test:audit-desk\",\"request_id\":\"{e.Metadata.RequestId}\"}}", e.MetadataJson);
        });
    }

    [Fact]
    public async Task GivenAKeyScopedToOneBureau_WhenStreamingTheWholeLog_ThenDeniedButItsOwnBureauStreams()
    {
        await using var server = await ScopedServer.Start(fixture.Database.ConnectionString, AuditWorkload.Ipo.Value);
        var client = server.Client<AuditService.AuditServiceClient>(Roles.Auditor);

        var whole = await Assert.ThrowsAsync<RpcException>(() => Events.All(client, new StreamEventsRequest()));
        var other = await Assert.ThrowsAsync<RpcException>(() => Events.All(client, new StreamEventsRequest { BureauCode = AuditWorkload.Stc.Value }));
        var own = await Events.All(client, new StreamEventsRequest { BureauCode = AuditWorkload.Ipo.Value });

        Assert.Equal(StatusCode.PermissionDenied, whole.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.NotEmpty(own);
    }

    [Theory]
    [InlineData(-1, 0, false)]
    [InlineData(10, 5, false)]
    [InlineData(1, 5, true)]
    public async Task GivenBadBounds_WhenStreamed_ThenInvalidArgument(long from, long to, bool follow)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Events.All(Auditor, new StreamEventsRequest { FromPosition = from, ToPosition = to, Follow = follow }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private async Task<IReadOnlyList<long>> Positions(string sql)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var positions = new List<long>();
        while (await reader.ReadAsync())
            positions.Add(reader.GetInt64(0));
        return positions;
    }
}
