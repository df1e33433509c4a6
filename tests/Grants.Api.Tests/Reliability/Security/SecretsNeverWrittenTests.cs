using Grants.Api.Auth;
using Grants.Api.Tests.Applicants;
using Grants.Api.Tests.Infrastructure;
using Grants.Contracts.V1;
using Grants.Domain.Applicants.Identity;
using Grants.Testing;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Grants.Api.Tests.Reliability.Security;

/// <summary>API keys and personal ID numbers leave no plain trace: the server runs with every log category at Trace
/// and every activity recorded, takes authenticated calls from every role on every RPC, registers a person with a
/// planted ID number (and is refused one with a wrong check digit); then the keys and the numbers are searched for
/// in every log line, every activity and every row of every table.</summary>
public sealed class SecretsNeverWrittenTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();
    private readonly CapturedOutput _captured = new();
    private GrantsServer? _server;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _server = await GrantsServer.Start(_database.ConnectionString, configure: builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddProvider(_captured);
            builder.Logging.AddFilter<CapturedOutput>(null, LogLevel.Trace);
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _captured.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task GivenAuthenticatedCallsAndAPlantedIdNumber_WhenLogsTracesAndTablesAreSearched_ThenNeitherKeysNorTheNumberAppear()
    {
        var server = _server!;
        var calls = 0;
        foreach (var key in server.Keys)
            foreach (var method in ContractRpcs.FullMethods)
            {
                await ContractRpcs.CallEmpty(server.Invoker(key.Key), method);
                calls++;
            }
        var unknownKey = TestApiKey.NewKey();
        await ContractRpcs.CallEmpty(server.Invoker(unknownKey), "/grants.v1.CatalogService/ListPolicies");

        var residentId = TestIdentities.ResidentId();
        var wrongCheck = TestIdentities.WithWrongCheck(TestIdentities.ResidentId(), "0123456789X");
        var portal = server.Client<ApplicantService.ApplicantServiceClient>(Roles.ApplicantPortal);
        var employer = (await portal.RegisterEnterpriseAsync(TestIdentities.Enterprise())).Applicant.ApplicantId;
        var person = (await portal.RegisterPersonAsync(TestIdentities.Person(employer, residentId))).Applicant.ApplicantId;
        await portal.GetApplicantAsync(new GetApplicantRequest { ApplicantId = person });
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await portal.RegisterPersonAsync(TestIdentities.Person(employer, wrongCheck)));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        await server.DisposeAsync(); // flush: shutdown logs and the last activities are in
        _server = null;

        var needles = server.Keys.Select(k => (What: $"key of {k.Name}", Text: k.Key))
            .Append(("unknown key", unknownKey))
            .Concat(Numbers("planted ID", residentId))
            .Concat(Numbers("refused ID", wrongCheck))
            .ToList();
        var lines = _captured.Lines.ToList();
        output.WriteLine($"{calls + 5} calls; {_captured.LogRecords} log records, {_captured.Activities} activities captured");
        Assert.True(_captured.LogRecords > calls, "the capture saw the request logs");
        Assert.True(_captured.Activities > calls, "the capture saw the request activities");
        Assert.Contains(lines, l => l.Contains("ApplicantService/RegisterPerson", StringComparison.Ordinal)); // the capture sees requests
        foreach (var (what, text) in needles)
            Assert.False(lines.Any(l => l.Contains(text, StringComparison.Ordinal)),
                $"{what} appears in: {lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal))}");
        foreach (var (what, text) in needles)
            Assert.Empty(await TablesContaining(text) is var tables && tables.Count > 0 ? tables.Select(t => $"{what} in {t}") : []);
    }

    /// <summary>The number, and its first 17 digits (all that identifies a person; the last is a check character).</summary>
    private static IEnumerable<(string, string)> Numbers(string what, string number) =>
        [(what, number), (what + " without check digit", number[..17])];

    private async Task<List<string>> TablesContaining(string text)
    {
        var names = new List<string>();
        await using (var tables = _database.DataSource.CreateCommand(
            "select table_name from information_schema.tables where table_schema = 'grants' and table_type = 'BASE TABLE'"))
        await using (var reader = await tables.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));
        Assert.Contains("events", names);

        var found = new List<string>();
        foreach (var table in names)
        {
            // Names from the catalog above, quoted by PostgreSQL itself.
            await using var scan = _database.DataSource.CreateCommand(
                $"select count(*) from grants.{QuoteIdent(table)} t where strpos(t::text, $1) > 0");
            scan.Parameters.AddWithValue(text);
            if ((long)(await scan.ExecuteScalarAsync())! > 0)
                found.Add(table);
        }
        return found;
    }

    private static string QuoteIdent(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
