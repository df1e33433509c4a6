using Google.Protobuf.WellKnownTypes;
using Grants.Api.Auth;
using Grants.Api.Tests.Audit.Support;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Tests.Audit;

[Collection(AuditWorkloadCollection.Name)]
public sealed class LedgersAsOfTests(AuditWorkloadFixture fixture)
{
    private AuditService.AuditServiceClient Auditor => fixture.Server.Client<AuditService.AuditServiceClient>(Roles.Auditor);

    [Fact]
    public async Task GivenASnapshotTakenBetweenWorkloadPhases_WhenLedgersAreReplayedAsOfItsMoment_ThenTheyEqualTheSnapshot()
    {
        var replayed = await Auditor.GetLedgersAsOfAsync(new GetLedgersAsOfRequest { AsOf = Timestamp.FromDateTimeOffset(fixture.QuietMoment) });

        var snapshot = LedgerSnapshot.Of(replayed);
        Assert.NotEmpty(fixture.QuietSnapshot.Budgets);
        Assert.Equal(fixture.QuietSnapshot.Budgets, snapshot.Budgets);
        Assert.Equal(fixture.QuietSnapshot.Beneficiaries, snapshot.Beneficiaries);
        Assert.True(replayed.HeadPosition > fixture.QuietSnapshot.Position, "the replay ran after more events were written");
    }

    [Fact]
    public async Task GivenASnapshotTakenWhileWritersRan_WhenLedgersAreReplayedThroughItsPosition_ThenTheyEqualTheSnapshot()
    {
        var replayed = await Auditor.GetLedgersAsOfAsync(new GetLedgersAsOfRequest { Position = fixture.BusySnapshot.Position });

        var snapshot = LedgerSnapshot.Of(replayed);
        Assert.Equal(fixture.BusySnapshot.Position, replayed.Position);
        Assert.Equal(fixture.BusySnapshot.Budgets, snapshot.Budgets);
        Assert.Equal(fixture.BusySnapshot.Beneficiaries, snapshot.Beneficiaries);
        Assert.NotEqual(fixture.QuietSnapshot.Budgets, fixture.BusySnapshot.Budgets);
    }

    [Fact]
    public async Task GivenTheWholeHistory_WhenReplayedToTheHead_ThenTheLedgersEqualTheLiveTables()
    {
        var live = await LedgerSnapshot.Take(fixture.Database.DataSource);

        var replayed = LedgerSnapshot.Of(await Auditor.GetLedgersAsOfAsync(new GetLedgersAsOfRequest { Position = live.Position }));

        Assert.Equal(live.Budgets, replayed.Budgets);
        Assert.Equal(live.Beneficiaries, replayed.Beneficiaries);
    }

    [Fact]
    public async Task GivenABureauFilter_WhenReplayed_ThenOnlyThatBureausBudgetLinesAndTheirMeasuresBeneficiariesAppear()
    {
        var replayed = await Auditor.GetLedgersAsOfAsync(new GetLedgersAsOfRequest
        {
            Position = fixture.BusySnapshot.Position, BureauCode = AuditWorkload.Stc.Value,
        });

        var line = Assert.Single(replayed.BudgetLedgers);
        Assert.Equal(AuditWorkload.Art3Line.Measure.Value, line.MeasureId);
        Assert.Equal(line.AppropriatedFen - line.CommittedFen - line.PaidFen, line.AvailableFen);
        Assert.NotEmpty(replayed.BeneficiaryLedgers);
        Assert.All(replayed.BeneficiaryLedgers, b => Assert.Equal(AuditWorkload.Art3Line.Measure.Value, b.MeasureId));
    }

    [Fact]
    public async Task GivenAMomentBeforeAnyEvent_WhenReplayed_ThenTheLedgersAreEmpty()
    {
        var replayed = await Auditor.GetLedgersAsOfAsync(new GetLedgersAsOfRequest
        {
            AsOf = Timestamp.FromDateTimeOffset(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        });

        Assert.Empty(replayed.BudgetLedgers);
        Assert.Empty(replayed.BeneficiaryLedgers);
        Assert.Equal(0, replayed.EventsReplayed);
    }

    [Fact]
    public async Task GivenAKeyScopedToOneBureau_WhenLedgersAreReplayed_ThenOtherBureausAreLeftOutAndNamingThemIsDenied()
    {
        await using var server = await ScopedServer.Start(fixture.Database.ConnectionString, AuditWorkload.Ipo.Value);
        var client = server.Client<AuditService.AuditServiceClient>(Roles.Auditor);

        var replayed = await client.GetLedgersAsOfAsync(new GetLedgersAsOfRequest { Position = fixture.BusySnapshot.Position });
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await client.GetLedgersAsOfAsync(
            new GetLedgersAsOfRequest { Position = 1, BureauCode = AuditWorkload.Stc.Value }));

        Assert.All(replayed.BudgetLedgers, l => Assert.Equal(AuditWorkload.Ipo.Value, l.BureauCode));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task GivenNoPoint_WhenLedgersAreAskedFor_ThenInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Auditor.GetLedgersAsOfAsync(new GetLedgersAsOfRequest()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
