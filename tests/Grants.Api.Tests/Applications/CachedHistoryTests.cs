using Grants.Api.Auth;
using Grants.Api.Tests.Infrastructure;
using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using Grants.Domain;
using ApplicationHistories = Grants.Api.Services.Applications.ApplicationHistories;
using ApplicationId = Grants.Domain.ApplicationId;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Applications;

/// <summary>An application command decides on the history this server last wrote (ApplicationHistories) and appends
/// at its version: when another server moved the application in between, the command is retried on the stream as it
/// is, never decided twice on what it was.</summary>
public sealed class CachedHistoryTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private readonly GrantsDesk _desk = fixture.Desk;

    [Fact]
    public async Task GivenAnApplicationApprovedOnAnotherServerAfterThisOneWroteIt_WhenApprovingAgainHere_ThenItIsRefusedAndCommittedOnce()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, new Money(100_000_000));
        var id = (await _desk.Assessed(applicant, Art1, 50_000_000)).ApplicationId;
        var before = await _desk.Ledger(Officers.Ipo, 2025, Art1);
        Assert.True((await Histories().Take(new ApplicationId(id), CancellationToken.None)).Cached);

        await using (var other = await GrantsServer.Start(fixture.Database.ConnectionString))
            await other.Client<ApplicationService.ApplicationServiceClient>(Roles.Approver).ApproveAsync(Approval(id, 50_000_000));
        // Decided here on the assessed application as cached, the approval's append meets the other server's event.
        await Refusals.Precondition("STATE", () => _desk.Approvers.ApproveAsync(Approval(id, 50_000_000)).ResponseAsync);

        Assert.Equal(1L, await _desk.ApprovalsOf(id));
        Assert.Equal(before.Committed + 50_000_000, (await _desk.Ledger(Officers.Ipo, 2025, Art1)).Committed);
    }

    [Fact]
    public async Task GivenEligibilityConfirmedOnAnotherServerAfterThisOneWroteTheSubmission_WhenAssessingHere_ThenTheStreamIsReadAgainAndAssessed()
    {
        var applicant = await _desk.RegisterEnterprise();
        var id = (await _desk.Submit(applicant)).ApplicationId;
        await using (var other = await GrantsServer.Start(fixture.Database.ConnectionString))
        {
            await other.Client<ApplicationService.ApplicationServiceClient>(Roles.Assessor).ConfirmEligibilityAsync(new ConfirmEligibilityRequest
            {
                RequestId = NewRequestId(), ApplicationId = id, Officer = Officers.Assessor, DecidedOn = Officers.On(2025, 6, 2),
                Note = "材料齐全",
            });
        }

        // The cached submission alone would refuse an assessment (eligibility not confirmed): the refusal waits for a read.
        var assessed = await _desk.Assessors.AssessAsync(new AssessRequest
        {
            RequestId = NewRequestId(), ApplicationId = id, Assessor = Officers.Assessor, Score = 86, RecommendedAmountFen = 50_000_000,
            Comment = "meets art.1", Conflict = new ConflictDeclaration { HasConflict = false, Statement = "no relation to the applicant" },
        });

        Assert.Equal(ApplicationStatus.Assessed, assessed.Application.Status);
        var (history, cached) = await Histories().Take(new ApplicationId(id), CancellationToken.None);
        Assert.True(cached);
        Assert.Equal(3, history.Version);
        Assert.Equal(ApplicationStatus.Assessed, (await _desk.Get(id)).Status);
    }


    private ApplicationHistories Histories() => fixture.Server.App.Services.GetRequiredService<ApplicationHistories>();
}
