using Grpc.Core;
using Grpc.Health.V1;

namespace Grants.Api.Tests.Infrastructure;

public sealed class MessageLimitTests(GrantsServerFixture fixture) : IClassFixture<GrantsServerFixture>
{
    [Fact]
    public async Task GivenARequestOverOneMebibyte_WhenSent_ThenResourceExhaustedAndTheServerStaysHealthy()
    {
        var health = new Health.HealthClient(fixture.Server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await health.CheckAsync(new HealthCheckRequest { Service = new string('x', 1024 * 1024 + 1) }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
    }
}
