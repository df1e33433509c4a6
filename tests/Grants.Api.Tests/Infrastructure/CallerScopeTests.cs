using Grants.Api.Auth;
using Grants.Domain.Catalog;
using Grpc.Core;

namespace Grants.Api.Tests.Infrastructure;

public sealed class CallerScopeTests
{
    private sealed class Shanghai : IBureauDirectory
    {
        public string? JurisdictionOf(string bureauCode) => bureauCode switch
        {
            "HP-IPO" or "HP-STC" => "SH-HP",
            "PD-FIN" => "SH-PD",
            _ => null,
        };

        public string? ParentOf(string jurisdictionCode) => jurisdictionCode is "SH-HP" or "SH-PD" ? "SH" : null;
    }

    private static CallerContext Caller(IEnumerable<string>? bureaus = null, IEnumerable<string>? jurisdictions = null) =>
        new("portal", new HashSet<string> { Roles.ApplicantPortal }, CallerScope.Of(bureaus, jurisdictions), new Shanghai());

    [Theory]
    [InlineData("HP-IPO", true)]
    [InlineData("HP-STC", false)]
    [InlineData("PD-FIN", false)]
    public void GivenAKeyScopedToOneBureau_WhenBureausAreChecked_ThenOnlyThatOne(string bureau, bool allowed)
    {
        Assert.Equal(allowed, Caller(bureaus: ["HP-IPO"]).CanReach(new BureauCode(bureau)));
    }

    [Theory]
    [InlineData("HP-IPO", true)]
    [InlineData("HP-STC", true)]
    [InlineData("PD-FIN", false)]
    [InlineData("UNKNOWN", false)]
    public void GivenAKeyScopedToHuangpu_WhenBureausAreChecked_ThenHuangpuBureausOnly(string bureau, bool allowed)
    {
        Assert.Equal(allowed, Caller(jurisdictions: ["SH-HP"]).CanReach(new BureauCode(bureau)));
    }

    [Fact]
    public void GivenAMunicipalKey_WhenDistrictBureausAreChecked_ThenItReachesThem()
    {
        var municipal = Caller(jurisdictions: ["SH"]);

        Assert.True(municipal.CanReach(new BureauCode("PD-FIN")));
        Assert.True(municipal.CanReach(new JurisdictionCode("SH-HP")));
    }

    [Fact]
    public void GivenADistrictKey_WhenTheMunicipalityIsChecked_ThenItDoesNotReachUpwards()
    {
        Assert.False(Caller(jurisdictions: ["SH-HP"]).CanReach(new JurisdictionCode("SH")));
    }

    [Fact]
    public void GivenAnEmptyScope_WhenAnyBureauIsChecked_ThenNothingIsReachable()
    {
        Assert.False(Caller().CanReach(new BureauCode("HP-IPO")));
    }

    [Fact]
    public void GivenAWildcardScope_WhenAnyBureauIsChecked_ThenEverythingIsReachable()
    {
        Assert.True(Caller(bureaus: [CallerScope.Everything]).CanReach(new BureauCode("ANY")));
    }

    [Fact]
    public void GivenABureauOutsideTheScope_WhenEnsured_ThenPermissionDeniedNamingKeyAndBureau()
    {
        var error = Assert.Throws<RpcException>(() => Caller(bureaus: ["HP-IPO"]).EnsureBureau(new BureauCode("PD-FIN")));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("'portal'", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("'PD-FIN'", error.Status.Detail, StringComparison.Ordinal);
    }
}
