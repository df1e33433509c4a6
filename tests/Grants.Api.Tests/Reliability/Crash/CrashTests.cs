using System.Collections.Concurrent;
using System.Diagnostics;
using Grants.Api.Auth;
using Grants.Api.Tests.Budgets;
using Grants.Api.Tests.Infrastructure;
using Grants.Contracts.V1;
using Grants.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Xunit.Abstractions;

namespace Grants.Api.Tests.Reliability.Crash;

/// <summary>kill -9 of the server while clients append: what was acknowledged is in the history once, a retry with
/// the same request_id gets the original answer or applies the command for the first time, and the ledgers equal a
/// replay of the events.</summary>
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 4;
    private const int AckedBeforeKill = 80;
    private static readonly (string Bureau, int Year, string Measure)[] Lines =
        [("HP-IPO", 2025, "HP-2024-3/15"), ("HP-IPO", 2026, "HP-2024-3/16")];

    private readonly DatabaseFixture _database = new();
    private readonly TestApiKey _finance = TestApiKey.ForRole(Roles.Finance);

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private sealed record Sent(AppropriateRequest Request, AppropriateResponse? Acknowledged);

    [Fact]
    public async Task GivenClientsAppropriating_WhenTheServerIsKilledAndRestarted_ThenAcknowledgedCallsAreKeptOnceAndRetriesAreExactlyOnce()
    {
        var clock = Stopwatch.StartNew();
        var sent = new ConcurrentBag<Sent>();
        await using (var server = await ServerProcess.Start(_database.ConnectionString, _finance))
        {
            var started = clock.Elapsed;
            var client = Client(server);
            var workers = Enumerable.Range(0, Clients).Select(w => Task.Run(() => Work(client, w, sent))).ToList();
            await Eventually.Until(() => Task.FromResult(sent.Count(s => s.Acknowledged is not null) >= AckedBeforeKill || workers.Any(t => t.IsCompleted)),
                TimeSpan.FromSeconds(60), $"{AckedBeforeKill} appropriations acknowledged");
            foreach (var ended in workers.Where(t => t.IsCompleted))
                await ended; // a client that stopped before the kill: its exception says why
            Assert.DoesNotContain(workers, t => t.IsCompleted); // every client still running when the kill comes

            await server.Kill();
            // Each client's next call fails at once or at its 30 s deadline.
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(90));
            output.WriteLine($"server up in {started.TotalSeconds:0.0} s; killed with {sent.Count(s => s.Acknowledged is not null)} acknowledged, " +
                             $"{sent.Count(s => s.Acknowledged is null)} unanswered");
        }

        await using (var restarted = await ServerProcess.Start(_database.ConnectionString, _finance))
        {
            var client = Client(restarted);
            foreach (var call in sent)
            {
                var answer = await Retried(() => client.AppropriateAsync(call.Request, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);
                if (call.Acknowledged is not null)
                    Assert.Equal(call.Acknowledged, answer); // the original answer, replayed
            }
        }

        var perRequest = await EventsPerRequest();
        Assert.All(sent, call => Assert.Equal(1, perRequest.GetValueOrDefault(call.Request.RequestId)));
        foreach (var line in Lines)
        {
            var expected = sent.Where(s => (s.Request.BureauCode, s.Request.FiscalYear, s.Request.MeasureId) == line).Sum(s => s.Request.AmountFen);
            Assert.Equal(expected, await Appropriated(line));
        }
        var (replayed, stored) = await LedgerReplay.Budgets(_database.DataSource);
        Assert.Equal(replayed, stored);
        output.WriteLine($"{sent.Count} requests, each in the history once; ledgers equal the replay; {clock.Elapsed.TotalSeconds:0.0} s in all");
    }

    private static async Task<T> Retried<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Aborted && attempt < 10)
            {
            }
        }
    }

    private BudgetService.BudgetServiceClient Client(ServerProcess server) =>
        new(server.Channel.CreateCallInvoker().Intercept(m => { m.Add("authorization", $"Bearer {_finance.Key}"); return m; }));

    /// <summary>Appropriates until the first call without an answer (the crash), which is remembered for the retry. Two
    /// budget lines shared by four clients conflict often: ABORTED is an answer that asks for the same call again.</summary>
    private static async Task Work(BudgetService.BudgetServiceClient client, int worker, ConcurrentBag<Sent> sent)
    {
        for (var i = 0; ; i++)
        {
            var (bureau, year, measure) = Lines[i % Lines.Length];
            var request = BudgetRequests.Appropriate(bureau, year, measure, 1_000_00 + worker * 10_000 + i);
            while (true)
            {
                try
                {
                    sent.Add(new Sent(request, await client.AppropriateAsync(request, deadline: DateTime.UtcNow.AddSeconds(30))));
                    break;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Aborted)
                {
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Cancelled or StatusCode.Unknown)
                {
                    sent.Add(new Sent(request, null));
                    return;
                }
            }
        }
    }

    private async Task<Dictionary<string, long>> EventsPerRequest()
    {
        await using var command = _database.DataSource.CreateCommand(
            "select metadata->>'request_id', count(*) from grants.events group by 1");
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync())
            if (!reader.IsDBNull(0))
                counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private async Task<long> Appropriated((string Bureau, int Year, string Measure) line)
    {
        await using var command = _database.DataSource.CreateCommand(
            "select coalesce(sum(appropriated_fen), 0)::bigint from grants.budget_ledgers where bureau = $1 and fiscal_year = $2 and measure_id = $3");
        command.Parameters.AddWithValue(line.Bureau);
        command.Parameters.AddWithValue(line.Year);
        command.Parameters.AddWithValue(line.Measure);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
