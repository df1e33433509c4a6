using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grants.Api.Auth;
using Grants.Api.Tests.Budgets;
using Grants.Api.Tests.Infrastructure;
using Grants.Contracts.V1;
using Grants.Testing;
using Grpc.Core;
using Xunit.Abstractions;

namespace Grants.Api.Tests.Reliability.Fuzz;

/// <summary>Every RPC of the contract gets random, malformed and hostile requests from a key holding every role (so
/// authorization never stops a request before the service reads it): each answer must be a status the contract
/// documents — never INTERNAL or UNKNOWN, which would mean a request reached code that did not expect it — and
/// a batch in which nothing was accepted must leave the database exactly as it was.</summary>
public sealed class BadInputFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261123;
    private const int MessagesPerRpc = 60;
    private const int GarbagePerRpc = 15;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly DatabaseFixture _database = new();
    private readonly TestApiKey _everyRole = new("fuzz-every-role", TestApiKey.NewKey(), Roles.All, Jurisdictions: [CallerScope.Everything]);
    private GrantsServer? _server;

    public static readonly IReadOnlyList<MethodDescriptor> Rpcs = typeof(Date).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.Namespace == typeof(Date).Namespace)
        .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
        .SelectMany(file => file.Services)
        .SelectMany(service => service.Methods)
        .OrderBy(m => m.FullName, StringComparer.Ordinal)
        .ToList();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _server = await GrantsServer.Start(_database.ConnectionString, [_everyRole]);
        // Something in the ledgers, so their checksum is more than the checksum of nothing.
        await new BudgetService.BudgetServiceClient(_server.Invoker(_everyRole.Key))
            .AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2025, "HP-2024-3/15", 5_000_000_00));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task GivenABodyThatIsNoMessage_WhenEveryRpcIsCalled_ThenEachAnswersInvalidArgumentNamingTheRpc()
    {
        // Field 1, length-delimited, its length a varint cut short: no message of any type parses from it.
        byte[] truncated = [0x0A, 0xFF, 0xFF, 0xFF];
        var invoker = _server!.Invoker(_everyRole.Key);
        foreach (var rpc in Rpcs)
        {
            var status = await RawCalls.Call(invoker, rpc, [truncated], Deadline);
            Assert.True(status.StatusCode == StatusCode.InvalidArgument, $"{rpc.FullName}: {status.StatusCode} {status.Detail}");
            Assert.Contains($"/{rpc.Service.FullName}/{rpc.Name} is not a valid message", status.Detail);
        }
    }

    [Fact]
    public async Task GivenRandomAndMalformedRequests_WhenEveryRpcIsCalled_ThenEveryAnswerIsAWellFormedStatusAndRejectionsWriteNothing()
    {
        output.WriteLine($"seed {Seed}, {Rpcs.Count} RPCs, {MessagesPerRpc} random messages + {GarbagePerRpc} garbage bodies each");
        var invoker = _server!.Invoker(_everyRole.Key);
        var failures = new List<string>();
        var counts = new Dictionary<StatusCode, int>();
        var accepted = 0;
        var clock = Stopwatch.StartNew();

        foreach (var (rpc, index) in Rpcs.Select((r, i) => (r, i)))
        {
            var requests = Requests(rpc, new RandomRequests(new Random(Seed + index)));
            var before = await DatabaseDigest.Read(_database.DataSource);
            var statuses = await Send(invoker, rpc, requests);
            var after = await DatabaseDigest.Read(_database.DataSource);

            foreach (var ((description, _), status) in requests.Zip(statuses))
            {
                counts[status.StatusCode] = counts.GetValueOrDefault(status.StatusCode) + 1;
                if (!IsWellFormed(rpc, status))
                    failures.Add($"{rpc.FullName} {description}: {status.StatusCode} {status.Detail}");
            }
            var acceptedHere = statuses.Count(s => s.StatusCode == StatusCode.OK && !rpc.Name.StartsWith("Get", StringComparison.Ordinal) && !rpc.Name.StartsWith("List", StringComparison.Ordinal));
            accepted += acceptedHere;
            if (statuses.All(s => s.StatusCode != StatusCode.OK) && before != after)
                failures.Add($"{rpc.FullName}: every call was refused yet the database changed ({before} → {after})");
        }

        output.WriteLine($"{counts.Values.Sum()} calls in {clock.Elapsed.TotalSeconds:0.0} s; accepted writes {accepted}; " +
                         string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.OrderBy(f => f.Contains("Exception was thrown by handler", StringComparison.Ordinal)).Take(40)));
        Assert.True(counts.Values.Sum() >= Rpcs.Count * (MessagesPerRpc + GarbagePerRpc));
    }

    private static List<(string Description, IReadOnlyList<byte[]> Messages)> Requests(MethodDescriptor rpc, RandomRequests random)
    {
        var requests = new List<(string, IReadOnlyList<byte[]>)>();
        for (var i = 0; i < MessagesPerRpc; i++)
        {
            var messages = Enumerable.Range(0, rpc.IsClientStreaming ? i % 4 : 1).Select(_ => random.Message(rpc.InputType)).ToList();
            if (rpc.FullName == "grants.v1.AuditService.StreamEvents")
                foreach (var message in messages)
                    ((StreamEventsRequest)message).Follow = false; // a live stream only ends at its deadline; asked for elsewhere
            requests.Add(($"message #{i} {string.Join(" | ", messages.Select(m => Truncate(m.ToString() ?? "")))}",
                          [.. messages.Select(m => m.ToByteArray())]));
        }
        for (var i = 0; i < GarbagePerRpc; i++)
        {
            var garbage = random.Garbage();
            requests.Add(($"garbage #{i} {Convert.ToHexString(garbage.AsSpan(0, Math.Min(16, garbage.Length)))}", [garbage]));
        }
        return requests;
    }

    /// <summary>A few calls at a time: enough to interleave requests, few enough for a 2-core machine.</summary>
    private static async Task<Status[]> Send(CallInvoker invoker, MethodDescriptor rpc, List<(string Description, IReadOnlyList<byte[]> Messages)> requests)
    {
        var statuses = new Status[requests.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count), new ParallelOptions { MaxDegreeOfParallelism = 6 },
            async (i, _) => statuses[i] = await RawCalls.Call(invoker, rpc, requests[i].Messages, Deadline));
        return statuses;
    }

    private static bool IsWellFormed(MethodDescriptor rpc, Status status) => status.StatusCode switch
    {
        StatusCode.Internal or StatusCode.Unknown or StatusCode.Unimplemented or StatusCode.Unauthenticated
            or StatusCode.PermissionDenied or StatusCode.DeadlineExceeded or StatusCode.Cancelled or StatusCode.Unavailable => false,
        StatusCode.OK => true,
        _ => !string.IsNullOrWhiteSpace(status.Detail),
    };

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
