using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using Grants.Domain;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Applications;

/// <summary>The dual-approval threshold is configuration: here a bureau that wants two approvers from 1,000,000 yuan.</summary>
public sealed class DualApprovalThresholdTests(DualApprovalThresholdTests.OneMillionYuanThreshold fixture)
    : IClassFixture<DualApprovalThresholdTests.OneMillionYuanThreshold>
{
    private const long OneMillionYuan = 100_000_000;

    public sealed class OneMillionYuanThreshold() : LifecycleFixture(new Dictionary<string, string?>
    {
        ["Grants:DualApprovalThresholdFen"] = OneMillionYuan.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Theory]
    [InlineData(OneMillionYuan - 1, false)]
    [InlineData(OneMillionYuan, true)]
    public async Task Given_a_threshold_of_one_million_yuan_When_an_award_is_approved_Then_two_approvers_are_needed_from_the_threshold_on(
        long amountFen, bool secondRequired)
    {
        var desk = fixture.Desk;
        var applicant = await desk.RegisterEnterprise();
        await desk.Appropriate(Officers.Ipo, 2025, Art1, Money.FromWan(500));
        var id = (await desk.Assessed(applicant, Art1, amountFen)).ApplicationId;

        var approved = await desk.Approvers.ApproveAsync(Approval(id, amountFen));

        Assert.Equal(secondRequired, approved.SecondApprovalRequired);
        Assert.Equal(secondRequired ? ApplicationStatus.AwaitingSecondApproval : ApplicationStatus.Approved, approved.Application.Status);
    }
}
