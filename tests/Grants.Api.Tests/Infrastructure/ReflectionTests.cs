using Grpc.Reflection.V1Alpha;

namespace Grants.Api.Tests.Infrastructure;

/// <summary>Every service is bound by the server's own binder (Hosting/StrictRequestBinding), the framework's health
/// and reflection services included: reflection must still list all of them, so tools such as grpcurl find the API.</summary>
public sealed class ReflectionTests(GrantsServerFixture fixture) : IClassFixture<GrantsServerFixture>
{
    [Fact]
    public async Task GivenTheServer_WhenReflectionListsServices_ThenEveryContractServiceHealthAndReflectionAreThere()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Server.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var listed = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToHashSet();

        var contract = Reliability.Fuzz.BadInputFuzzTests.Rpcs.Select(rpc => rpc.Service.FullName).Distinct().ToList();
        Assert.Equal(8, contract.Count);
        Assert.All(contract, service => Assert.Contains(service, listed));
        Assert.Contains("grpc.health.v1.Health", listed);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", listed);
    }
}
