using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Tests.Infrastructure;
using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using Grants.Domain;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Applications;

/// <summary>An application command decides on the catalog this server has cached and checks with its version claim
/// that the catalog stream has not moved; when another server moved it in between, the command is retried on the
/// new catalog instead of committing on the old one.</summary>
public sealed class CatalogMovedTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private readonly GrantsDesk _desk = fixture.Desk;

    [Fact]
    public async Task GivenAnotherServerConfiguredACapAfterThisOneCachedTheCatalog_WhenApproving_ThenTheApprovalIsRetriedOnTheNewCatalogAndCommitsOnce()
    {
        var applicant = await _desk.RegisterEnterprise();
        await _desk.Appropriate(Officers.Ipo, 2025, Art1, new Money(100_000_000));
        var id = (await _desk.Assessed(applicant, Art1, 50_000_000)).ApplicationId;
        var catalog = fixture.Server.App.Services.GetRequiredService<CatalogState>();
        var cached = catalog.Version;

        await using (var other = await GrantsServer.Start(fixture.Database.ConnectionString))
        {
            await other.Client<CatalogService.CatalogServiceClient>(Roles.Admin).ConfigureMeasureCapAsync(new ConfigureMeasureCapRequest
            {
                RequestId = NewRequestId(), MeasureId = "HP-2024-3/17", BureauCode = "HP-HRSS", CapFen = 500_000_00,
                RuleReference = "黄人社规〔2025〕1号", Officer = new Officer { Id = "HP-HRSS/wang.fang", BureauCode = "HP-HRSS" },
            });
        }
        Assert.Equal(cached, catalog.Version);

        var approved = await _desk.Approvers.ApproveAsync(Approval(id, 50_000_000));

        Assert.Equal(ApplicationStatus.Approved, approved.Application.Status);
        Assert.Equal(cached + 1, catalog.Version);
        Assert.Equal(1L, await ApprovalsOf(id));
        Assert.Equal(50_000_000, (await _desk.Ledger(Officers.Ipo, 2025, Art1)).Committed);
    }

    private async Task<long> ApprovalsOf(string id)
    {
        await using var count = fixture.Database.DataSource.CreateCommand(
            "select count(*) from grants.events where type = 'award_approved.v1' and data->>'application_id' = $1");
        count.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
