using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Tests.Infrastructure;
using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using Grants.Domain;
using Grants.Domain.Applicants;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Applications;

/// <summary>An application command decides on the catalog and the applicant as this server has cached them and checks
/// with its version claim that their streams have not moved; when they moved in between, the command is retried on
/// what they are now, and it refuses only on what it has just read.</summary>
public sealed class CachedReadsTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private readonly GrantsDesk _desk = fixture.Desk;

    [Fact]
    public async Task GivenAnotherServerConfiguredACapAfterThisOneCachedTheCatalog_WhenApproving_ThenTheApprovalIsRetriedOnTheNewCatalogAndCommitsOnce()
    {
        var (_, id) = await AssessedWithBudget();
        var catalog = fixture.Server.App.Services.GetRequiredService<CatalogState>();
        var cached = catalog.Version;

        await using (var other = await GrantsServer.Start(fixture.Database.ConnectionString))
        {
            await other.Client<CatalogService.CatalogServiceClient>(Roles.Admin).ConfigureMeasureCapAsync(new ConfigureMeasureCapRequest
            {
                RequestId = NewRequestId(), MeasureId = "HP-2024-3/17", BureauCode = "HP-HRSS", CapFen = 500_000_00,
                RuleReference = "黄人社规〔2025〕1号", Officer = new Officer { Id = "wang.fang", BureauCode = "HP-HRSS" },
            });
        }
        Assert.Equal(cached, catalog.Version);
        var before = await _desk.Ledger(Officers.Ipo, 2025, Art1);

        var approved = await _desk.Approvers.ApproveAsync(Approval(id, 50_000_000));

        Assert.Equal(ApplicationStatus.Approved, approved.Application.Status);
        Assert.Equal(cached + 1, catalog.Version);
        Assert.Equal(1L, await _desk.ApprovalsOf(id));
        Assert.Equal(before.Committed + 50_000_000, (await _desk.Ledger(Officers.Ipo, 2025, Art1)).Committed);
    }

    [Fact]
    public async Task GivenAnApplicantFlaggedAfterThisServerCachedIt_WhenApproving_ThenTheApprovalIsRetriedOnTheFlagAndRefused()
    {
        var (applicant, id) = await AssessedWithBudget();
        var applicants = fixture.Server.App.Services.GetRequiredService<ApplicantStates>();
        var cached = await applicants.Cached(new ApplicantId(applicant), CancellationToken.None);
        await _desk.Flag(applicant);

        var violation = await Refusals.Precondition("STATE", () => _desk.Approvers.ApproveAsync(Approval(id, 50_000_000)).ResponseAsync);

        Assert.Contains(ErrorCodes.ApplicantCreditFlagged, violation.Description);
        // The claim found the applicant moved and the retry read it again (the ledger's own check alone would refuse
        // too, but would leave the stale state cached).
        var now = await applicants.Cached(new ApplicantId(applicant), CancellationToken.None);
        Assert.Equal(cached.Version + 1, now.Version);
        Assert.True(now.State.IsFlagged);
        Assert.Equal(0L, await _desk.ApprovalsOf(id));
    }

    [Fact]
    public async Task GivenAnApplicantClearedAfterThisServerCachedItAsFlagged_WhenApproving_ThenItIsReadAgainAndApproved()
    {
        var (applicant, id) = await AssessedWithBudget();
        await _desk.Flag(applicant);
        await Refusals.Precondition("STATE", () => _desk.Approvers.ApproveAsync(Approval(id, 50_000_000)).ResponseAsync);
        var applicants = fixture.Server.App.Services.GetRequiredService<ApplicantStates>();
        Assert.True((await applicants.Cached(new ApplicantId(applicant), CancellationToken.None)).State.IsFlagged);

        await fixture.Server.Client<ApplicantService.ApplicantServiceClient>(Roles.CreditRegistry).ClearCreditAsync(new ClearCreditRequest
        {
            RequestId = NewRequestId(), ApplicantId = applicant, Reason = "listing withdrawn", CaseReference = $"CR-{applicant}",
            DecidedOn = Officers.On(2025, 6, 3),
        });
        var approved = await _desk.Approvers.ApproveAsync(Approval(id, 50_000_000));

        // Decided first on the cached flag, which would refuse: the refusal was held until the applicant was read again.
        Assert.Equal(ApplicationStatus.Approved, approved.Application.Status);
        Assert.Equal(1L, await _desk.ApprovalsOf(id));
    }

    /// <summary>An enterprise's application assessed at 500,000 yuan under art.1, with that much more appropriated.</summary>
    private async Task<(string Applicant, string Id)> AssessedWithBudget()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, new Money(50_000_000));
        return (applicant, (await _desk.Assessed(applicant, Art1, 50_000_000)).ApplicationId);
    }

}
