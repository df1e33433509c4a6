using Grants.Api.Auth;

namespace Grants.Api.Tests.Infrastructure;

public sealed class MethodRolesTests
{
    [Fact]
    public void GivenTheContract_WhenComparedWithTheRoleTable_ThenEveryRpcIsListedAndNothingElse()
    {
        Assert.Equal(ContractRpcs.FullMethods, MethodRoles.Table.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GivenTheRoleTable_WhenRead_ThenEveryRoleIsKnownAndEveryRpcHasOne()
    {
        Assert.All(MethodRoles.Table, entry =>
        {
            Assert.NotEmpty(entry.Value);
            Assert.All(entry.Value, role => Assert.True(Roles.IsKnown(role), role));
        });
    }

    [Theory]
    [InlineData("/grpc.health.v1.Health/Check", true)]
    [InlineData("/grpc.health.v1.Health/Watch", true)]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", true)]
    [InlineData("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", true)]
    [InlineData("/grants.v1.CatalogService/ListPolicies", false)]
    [InlineData("/grpc.health.v1.HealthX/Check", false)]
    [InlineData("grpc.health.v1.Health", false)]
    public void GivenAMethod_WhenAskedIfAnonymous_ThenOnlyHealthAndReflectionAre(string method, bool anonymous)
    {
        Assert.Equal(anonymous, MethodRoles.IsAnonymous(method));
    }

    [Fact]
    public void GivenDecisionRpcs_WhenTheirRolesAreRead_ThenAdminCannotDecideAwardsOrPayments()
    {
        foreach (var rpc in new[] { "ApplicationService/Approve", "ApplicationService/Assess", "DisbursementService/InstructTranche", "BudgetService/Appropriate" })
            Assert.DoesNotContain(Roles.Admin, MethodRoles.AllowedRoles("/grants.v1." + rpc));
    }
}
