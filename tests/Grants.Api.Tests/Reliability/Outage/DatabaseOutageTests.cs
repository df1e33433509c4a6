using System.Collections.Concurrent;
using System.Diagnostics;
using Grants.Api.Auth;
using Grants.Api.Tests.Budgets;
using Grants.Api.Tests.Infrastructure;
using Grants.Contracts.V1;
using Grants.EventStore;
using Grants.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Npgsql;
using Xunit.Abstractions;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Grants.Api.Tests.Reliability.Outage;

/// <summary>PostgreSQL stops under a steady trickle of appropriations and comes back: while it is gone the calls
/// fail fast with UNAVAILABLE (retryable) and health says NOT_SERVING; when it returns the server recovers on its
/// own — no restart — and nothing acknowledged is missing.</summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(50);

    private sealed record Attempt(string RequestId, StatusCode Status, TimeSpan Took, bool DuringOutage);

    [Fact]
    public async Task GivenLightLoad_WhenPostgresStopsAndRestarts_ThenUnavailableAndNotServingThenRecoveryWithNothingLost()
    {
        var root = Path.Combine(Path.GetTempPath(), "grants-outage-" + Guid.NewGuid().ToString("N"));
        var options = new EmbeddedPostgresOptions(Path.Combine(root, "data"), Durable: false);
        var cluster = await EmbeddedPostgres.Start(options);
        var attempts = new ConcurrentQueue<Attempt>();
        var acknowledged = new ConcurrentDictionary<string, AppropriateRequest>();
        var outage = false;
        try
        {
            await using var server = await GrantsServer.Start(cluster.ConnectionString);
            var health = new Health.HealthClient(server.Channel);
            var finance = server.Client<BudgetService.BudgetServiceClient>(Roles.Finance);
            using var stop = new CancellationTokenSource();

            // One client, one call every 50 ms, retrying the same request_id until it is answered, as a client should.
            var load = Task.Run(async () =>
            {
                using var pace = new PeriodicTimer(Pace);
                var i = 0;
                while (!stop.IsCancellationRequested)
                {
                    var request = BudgetRequests.Appropriate("HP-IPO", 2025, "HP-2024-3/15", 1_000_00 + i++);
                    while (await pace.WaitForNextTickAsync())
                    {
                        var clock = Stopwatch.StartNew();
                        var status = StatusCode.OK;
                        try
                        {
                            await finance.AppropriateAsync(request, deadline: DateTime.UtcNow + CallDeadline);
                            acknowledged[request.RequestId] = request;
                        }
                        catch (RpcException e)
                        {
                            status = e.StatusCode;
                        }
                        attempts.Enqueue(new Attempt(request.RequestId, status, clock.Elapsed, Volatile.Read(ref outage)));
                        if (status == StatusCode.OK || stop.IsCancellationRequested)
                            break;
                    }
                }
            });

            await Eventually.Until(() => Task.FromResult(acknowledged.Count >= 10), TimeSpan.FromSeconds(30), "10 calls acknowledged before the outage");
            Volatile.Write(ref outage, true);
            var outageClock = Stopwatch.StartNew();
            await cluster.Stop();

            await Eventually.Until(async () => (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10))).Status == ServingStatus.NotServing,
                TimeSpan.FromSeconds(30), "health NOT_SERVING while PostgreSQL is down");
            await Eventually.Until(() => Task.FromResult(attempts.Count(a => a.DuringOutage && a.Status == StatusCode.Unavailable) >= 40),
                TimeSpan.FromSeconds(30), "40 calls answered UNAVAILABLE (about 2 s of outage at one call per 50 ms)");
            var notServingAfter = outageClock.Elapsed;

            cluster = await EmbeddedPostgres.Start(options with { Port = cluster.Port });
            var restartedAt = outageClock.Elapsed;
            await Eventually.Until(async () => (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10))).Status == ServingStatus.Serving,
                TimeSpan.FromSeconds(30), "health SERVING again once PostgreSQL is back");
            var servingAfter = outageClock.Elapsed;
            Volatile.Write(ref outage, false);
            var beforeRecovery = acknowledged.Count;
            await Eventually.Until(() => Task.FromResult(acknowledged.Count >= beforeRecovery + 5), TimeSpan.FromSeconds(30),
                "calls acknowledged again after the restart, without restarting the server");
            await stop.CancelAsync();
            await load;

            var failed = attempts.Where(a => a.Status != StatusCode.OK).ToList();
            output.WriteLine($"{attempts.Count} attempts, {acknowledged.Count} acknowledged, {failed.Count} refused " +
                             $"({string.Join(", ", failed.GroupBy(a => a.Status).Select(g => $"{g.Key} {g.Count()}"))}); " +
                             $"slowest refusal {(failed.Count == 0 ? 0 : failed.Max(a => a.Took.TotalMilliseconds)):0} ms; " +
                             $"NOT_SERVING and UNAVAILABLE seen {notServingAfter.TotalSeconds:0.0} s after the stop, PostgreSQL back at " +
                             $"{restartedAt.TotalSeconds:0.0} s, SERVING at {servingAfter.TotalSeconds:0.0} s");
            Assert.All(failed, a => Assert.Equal(StatusCode.Unavailable, a.Status));
            Assert.All(failed, a => Assert.True(a.Took < CallDeadline, $"a refusal took {a.Took}"));

            await using var db = NpgsqlDataSource.Create(cluster.ConnectionString);
            var history = await RequestIds(db);
            Assert.All(acknowledged.Keys, id => Assert.Equal(1, history.GetValueOrDefault(id)));
            await using (var appropriated = db.CreateCommand("select appropriated_fen from grants.budget_ledgers"))
                Assert.Equal(acknowledged.Values.Sum(r => r.AmountFen), (long)(await appropriated.ExecuteScalarAsync())!);
            var (replayed, stored) = await LedgerReplay.Budgets(db);
            Assert.Equal(replayed, stored);
        }
        finally
        {
            await cluster.Stop();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Files owned by the postgres user; the test cluster sweeper removes what is left.
            }
        }
    }

    private static async Task<Dictionary<string, long>> RequestIds(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("select metadata->>'request_id', count(*) from grants.events group by 1");
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync())
            if (!reader.IsDBNull(0))
                counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }
}
