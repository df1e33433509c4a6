using Grants.Api.Tests.Lifecycle.Support;
using Grants.Domain;
using Grpc.Core;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Applications;

/// <summary>The appropriation is enforced in the database, not by a read-then-write in the server: 64 approvals racing
/// through the API for one budget line commit exactly what fits.</summary>
public sealed class ConcurrentApprovalTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private const long ThreeHundredThousandYuan = 30_000_000;

    [Fact]
    public async Task Given_ten_million_yuan_appropriated_When_64_awards_of_300000_yuan_are_approved_at_once_Then_exactly_33_commit()
    {
        var desk = fixture.Desk;
        await desk.Appropriate(Officers.Ipo, 2025, Art1, Money.FromWan(1000));
        var applicants = new List<string>();
        for (var i = 0; i < 8; i++)
            applicants.Add(await desk.RegisterEnterprise());
        var assessed = new List<string>();
        foreach (var batch in Enumerable.Range(0, 64).Chunk(8))
            assessed.AddRange(await Task.WhenAll(batch.Select(async i =>
                (await desk.Assessed(applicants[i % applicants.Count], Art1, ThreeHundredThousandYuan)).ApplicationId)));

        var outcomes = await Task.WhenAll(assessed.Select(async id =>
        {
            try
            {
                await desk.Approvers.ApproveAsync(Approval(id, ThreeHundredThousandYuan));
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Equal(33, outcomes.Count(s => s == StatusCode.OK));
        Assert.Equal(31, outcomes.Count(s => s == StatusCode.FailedPrecondition));
        Assert.Equal(990_000_000, (await desk.Ledger(Officers.Ipo, 2025, Art1)).Committed);
        Assert.Equal(33, await desk.EventCount("award_approved.v1"));
    }
}
