using Grants.Api.Auth;
using Grants.Api.Tests.Audit.Support;
using Grants.Contracts.V1;
using Grpc.Core;
using Xunit.Abstractions;

namespace Grants.Api.Tests.Audit;

[Collection(AuditWorkloadCollection.Name)]
public sealed class RebuildCompareTests(AuditWorkloadFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task GivenTheRandomizedWorkload_WhenEveryProjectionIsRebuiltAndCompared_ThenNothingDiffers()
    {
        var client = fixture.Server.Client<AuditService.AuditServiceClient>(Roles.Auditor);

        var (progress, result) = await Rebuild.Run(client, new RebuildCompareRequest());

        output.WriteLine($"{fixture.Applications} applications ({fixture.Refused} refused on the way); replayed {result.EventsReplayed} " +
                         $"events at {result.EventsPerSecond:0} events/s; tables: {string.Join(", ", result.Tables)}");
        Assert.True(result.Identical, string.Join("\n", result.Differences));
        Assert.Equal(0, result.DifferenceCount);
        Assert.True(result.EventsReplayed >= 1500, $"only {result.EventsReplayed} events");
        Assert.Equal(result.Position, result.EventsReplayed);
        foreach (var table in new[] { "budget_ledgers", "beneficiary_ledgers", "awards", "beneficiary_standing", "catalog_measures",
                                      "applications", "application_tranches", "application_notes" })
            Assert.Contains(result.Tables, t => t.StartsWith(table + " (", StringComparison.Ordinal));
        Assert.Contains(progress, p => p.Phase == "replaying");
        Assert.Empty(result.ShadowDatabase);
    }

    [Fact]
    public async Task GivenAScopedKey_WhenRebuildCompareIsCalled_ThenPermissionDenied()
    {
        await using var server = await ScopedServer.Start(fixture.Database.ConnectionString, AuditWorkload.Ipo.Value);
        var client = server.Client<AuditService.AuditServiceClient>(Roles.Auditor);

        var error = await Assert.ThrowsAsync<RpcException>(() => Rebuild.Run(client, new RebuildCompareRequest()));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
