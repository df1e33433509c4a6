using Grants.EventStore;
using Grpc.Health.V1;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Grants.Api.Tests.Infrastructure;

/// <summary>Health follows the database: the server runs on a cluster of its own, which the test then stops.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task GivenARunningServer_WhenItsDatabaseStops_ThenHealthTurnsNotServing()
    {
        var root = Path.Combine(Path.GetTempPath(), "grants-health-" + Guid.NewGuid().ToString("N"));
        await using var cluster = await EmbeddedPostgres.Start(new EmbeddedPostgresOptions(Path.Combine(root, "data"), Durable: false));
        try
        {
            await using var server = await GrantsServer.Start(cluster.ConnectionString);
            var health = new Health.HealthClient(server.Channel);
            Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);

            await cluster.Stop();

            // Checks run on demand; nothing to wait for but the failed connection attempt itself.
            var status = (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30))).Status;
            Assert.Equal(ServingStatus.NotServing, status);
        }
        finally
        {
            await cluster.Stop();
            DeleteQuietly(root);
        }
    }

    [Fact]
    public async Task GivenAnUnreachableDatabase_WhenTheHealthCheckRuns_ThenItIsUnhealthyWithoutDetails()
    {
        // A port nothing listens on: the loopback port of a listener we close at once.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2");
        var check = new Operations.DatabaseHealthCheck(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<Operations.DatabaseHealthCheck>.Instance);

        var result = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
        Assert.Equal("database unreachable", result.Description);
        Assert.Null(result.Exception);
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // The cluster's files belong to the postgres user; the test cluster sweeper removes what is left.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
