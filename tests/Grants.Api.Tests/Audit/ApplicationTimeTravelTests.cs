using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grants.Api.Auth;
using Grants.Api.Tests.Audit.Support;
using Grants.Contracts.V1;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.Assessing;
using Grants.Domain.Applications.ConfirmingPayments;
using Grpc.Core;

namespace Grants.Api.Tests.Audit;

[Collection(AuditWorkloadCollection.Name)]
public sealed class ApplicationTimeTravelTests(AuditWorkloadFixture fixture)
{
    private AuditService.AuditServiceClient Auditor => fixture.Server.Client<AuditService.AuditServiceClient>(Roles.Auditor);

    [Fact]
    public async Task GivenAPaidApplication_WhenItsHistoryIsRead_ThenEveryEventArrivesByVersionWithItsChainLinks()
    {
        var id = await PaidApplication();

        var history = await Auditor.GetApplicationHistoryAsync(new GetApplicationHistoryRequest { ApplicationId = id });

        Assert.Equal($"application-{id}", history.StreamId);
        Assert.Equal(Enumerable.Range(1, history.Events.Count).Select(v => (long)v), history.Events.Select(e => e.Version));
        Assert.Contains(history.Events, e => e.Type == PaymentConfirmed.Name);
        Assert.All(history.Events, e => Assert.Equal(e.Hash, IndependentHash.Of(e.PrevHash, e)));
        Assert.True(history.Events.Zip(history.Events.Skip(1)).All(p => p.First.Position < p.Second.Position));
    }

    [Fact]
    public async Task GivenAPaidApplication_WhenReadAsOfTheVersionOfItsAssessment_ThenAssessedWithoutAward()
    {
        var id = await PaidApplication();
        var history = await Auditor.GetApplicationHistoryAsync(new GetApplicationHistoryRequest { ApplicationId = id });
        var assessed = history.Events.Single(e => e.Type == ApplicationAssessed.Name);

        var then = await Auditor.GetApplicationAsOfAsync(new GetApplicationAsOfRequest { ApplicationId = id, Version = assessed.Version });

        Assert.Equal(ApplicationStatus.Assessed, then.Application.Status);
        Assert.Null(then.Application.Award);
        Assert.Equal(assessed.Version, then.Application.Version);
        Assert.Equal((assessed.Position, assessed.Hash), (then.Position, then.Hash));
    }

    [Fact]
    public async Task GivenAPaidApplication_WhenReadAsOfTheMomentOfApproval_ThenApprovedAndNothingPaid_WhileToday_ItIsPaid()
    {
        var id = await PaidApplication();
        var history = await Auditor.GetApplicationHistoryAsync(new GetApplicationHistoryRequest { ApplicationId = id });
        var approved = history.Events.Single(e => e.Type == AwardApproved.Name);

        var then = await Auditor.GetApplicationAsOfAsync(new GetApplicationAsOfRequest { ApplicationId = id, AsOf = approved.RecordedAt });
        var now = await Auditor.GetApplicationAsOfAsync(new GetApplicationAsOfRequest { ApplicationId = id, AsOf = Timestamp.FromDateTime(DateTime.UtcNow) });

        Assert.Equal(ApplicationStatus.Approved, then.Application.Status);
        Assert.Equal(0, then.Application.PaidFen);
        Assert.Empty(then.Application.Tranches);
        Assert.Equal(approved.Version, then.Application.Version);
        Assert.True(now.Application.PaidFen > 0);
        Assert.Equal(history.Events[^1].Version, now.Application.Version);
    }

    [Fact]
    public async Task GivenAMomentBeforeTheSubmission_WhenReadAsOf_ThenNotFound()
    {
        var id = await PaidApplication();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await Auditor.GetApplicationAsOfAsync(new GetApplicationAsOfRequest
        {
            ApplicationId = id, AsOf = Timestamp.FromDateTime(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Theory]
    [InlineData("", 1L)]
    [InlineData("HP-2025-000001", 0L)]
    public async Task GivenABadRequest_WhenReadAsOf_ThenInvalidArgument(string id, long version)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Auditor.GetApplicationAsOfAsync(
            new GetApplicationAsOfRequest { ApplicationId = id, Version = version }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task GivenAPaidApplication_WhenReadAsOfAVersionBeyondItsLast_ThenInvalidArgumentNamingVersionAndTheLastVersion()
    {
        var id = await PaidApplication();
        var history = await Auditor.GetApplicationHistoryAsync(new GetApplicationHistoryRequest { ApplicationId = id });
        var last = history.Events[^1].Version;

        var error = await Assert.ThrowsAsync<RpcException>(async () => await Auditor.GetApplicationAsOfAsync(
            new GetApplicationAsOfRequest { ApplicationId = id, Version = last + 91 }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal(("version", $"must be at most {last}, the last version of application {id}"), (violation.Field, violation.Description));
    }

    [Fact]
    public async Task GivenAnUnknownApplication_WhenItsHistoryIsRead_ThenNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await Auditor.GetApplicationHistoryAsync(
            new GetApplicationHistoryRequest { ApplicationId = "HP-2025-999999" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private async Task<string> PaidApplication()
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            "select application_id from grants.applications where paid_fen > 0 order by application_id limit 1");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
