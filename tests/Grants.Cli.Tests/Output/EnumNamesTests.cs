using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Tests.Output;

public sealed class EnumNamesTests
{
    [Theory]
    [InlineData(ApplicationStatus.AwaitingSecondApproval, "awaiting-second-approval")]
    [InlineData(ApplicationStatus.Paid, "paid")]
    [InlineData(ApplicationStatus.ClawbackOpen, "clawback-open")]
    public void GivenAStatus_WhenNamed_ThenKebabCase(ApplicationStatus status, string name) =>
        Assert.Equal(name, EnumNames.Of(status));

    [Fact]
    public void GivenTheStatusEnum_WhenListed_ThenEveryValueButUnspecifiedByName()
    {
        var all = EnumNames.All<ApplicationStatus>();

        Assert.Equal(Enum.GetValues<ApplicationStatus>().Length - 1, all.Count);
        Assert.DoesNotContain("unspecified", all.Keys);
        Assert.Equal(ApplicationStatus.ClawbackOpen, all["CLAWBACK-OPEN"]);
    }
}
