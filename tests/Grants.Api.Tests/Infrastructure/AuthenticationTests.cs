using Grants.Api.Auth;
using Grants.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Grants.Api.Tests.Infrastructure;

public sealed class AuthenticationTests(GrantsServerFixture fixture) : IClassFixture<GrantsServerFixture>
{
    private GrantsServer Server => fixture.Server;

    [Fact]
    public void GivenTheContract_WhenItsRpcsAreEnumerated_ThenEveryServiceIsFound()
    {
        var services = ContractRpcs.FullMethods.Select(m => m.Split('/')[1]).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            [
                "grants.v1.ApplicantService", "grants.v1.ApplicationService", "grants.v1.AuditService", "grants.v1.BudgetService",
                "grants.v1.CatalogService", "grants.v1.ClawbackService", "grants.v1.DisbursementService", "grants.v1.ReconciliationService",
            ],
            services);
        Assert.Contains(ContractRpcs.FullMethods, m => m == "/grants.v1.ApplicationService/Approve");
    }

    [Theory]
    [MemberData(nameof(ContractRpcs.All), MemberType = typeof(ContractRpcs))]
    public async Task GivenNoCredential_WhenAnyContractRpcIsCalled_ThenUnauthenticated(string method)
    {
        var status = await ContractRpcs.CallEmpty(Server.Invoker(null), method);

        Assert.Equal(StatusCode.Unauthenticated, status);
    }

    [Theory]
    [MemberData(nameof(ContractRpcs.All), MemberType = typeof(ContractRpcs))]
    public async Task GivenAnUnknownKey_WhenAnyContractRpcIsCalled_ThenUnauthenticated(string method)
    {
        var status = await ContractRpcs.CallEmpty(Server.Invoker(TestApiKey.NewKey()), method);

        Assert.Equal(StatusCode.Unauthenticated, status);
    }

    [Theory]
    [MemberData(nameof(ContractRpcs.All), MemberType = typeof(ContractRpcs))]
    public async Task GivenOnlyRolesTheTableDoesNotAllow_WhenTheRpcIsCalled_ThenPermissionDeniedForEach(string method)
    {
        var refused = Roles.All.Except(MethodRoles.AllowedRoles(method)).ToList();

        foreach (var role in refused)
            Assert.Equal(StatusCode.PermissionDenied, await ContractRpcs.CallEmpty(Server.As(role), method));
    }

    [Theory]
    [MemberData(nameof(ContractRpcs.All), MemberType = typeof(ContractRpcs))]
    public async Task GivenAnAllowedRole_WhenTheRpcIsCalled_ThenAuthenticationLetsItThrough(string method)
    {
        var role = MethodRoles.AllowedRoles(method).Order().First();

        var status = await ContractRpcs.CallEmpty(Server.As(role), method);

        Assert.NotEqual(StatusCode.Unauthenticated, status);
        Assert.NotEqual(StatusCode.PermissionDenied, status);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("token-without-scheme")]
    public async Task GivenAMalformedAuthorizationHeader_WhenCalled_ThenUnauthenticated(string header)
    {
        var client = new CatalogService.CatalogServiceClient(Server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListPoliciesAsync(new ListPoliciesRequest(), new Metadata { { "authorization", header } }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task GivenAWrongRole_WhenApproveIsCalled_ThenTheMessageNamesKeyAndAllowedRoles()
    {
        var client = Server.Client<ApplicationService.ApplicationServiceClient>(Roles.Auditor);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.ApproveAsync(new ApproveRequest { RequestId = "r-1" }));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("test-auditor", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("allowed roles: approver", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAMethodNotInTheContract_WhenCalledWithAKey_ThenPermissionDenied()
    {
        var status = await ContractRpcs.CallEmpty(Server.As(Roles.Admin), "/grants.v1.SecretService/Drain");

        Assert.Equal(StatusCode.PermissionDenied, status);
    }

    [Fact]
    public async Task GivenNoCredential_WhenHealthIsChecked_ThenItAnswersServing()
    {
        var health = new Health.HealthClient(Server.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task GivenNoCredential_WhenReflectionListsServices_ThenItAnswers()
    {
        var reflection = new ServerReflection.ServerReflectionClient(Server.Channel);

        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "grpc.health.v1.Health");
    }
}
