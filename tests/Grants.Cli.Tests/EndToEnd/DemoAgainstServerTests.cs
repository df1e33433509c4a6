using System.Text.Json;
using Grants.Api.Tests.Infrastructure;
using Grants.Cli.Connection;
using Grants.Cli.Tests.Connection;
using Grants.Contracts.V1;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>The CLI against the real server (in-process Kestrel on loopback, fresh database), with the server's
/// keys handed to the CLI the way the embedded server does it: a dev keys file found from the working directory.</summary>
public sealed class DemoAgainstServerTests(GrantsServerFixture fixture) : IClassFixture<GrantsServerFixture>, IDisposable
{
    private readonly DirectoryInfo _workingDirectory = Directory.CreateTempSubdirectory("grants-cli-e2e-");

    public void Dispose() => _workingDirectory.Delete(recursive: true);

    [Fact]
    public async Task GivenARunningServer_WhenMeasuresAndTheDemoRun_ThenTheCatalogIsListedAndTwelveApplicationsExistOnceEvenAfterARerun()
    {
        var server = fixture.Server;
        ApiKeysTests.WriteDevKeys(_workingDirectory.FullName,
            server.Keys.ToDictionary(k => k.Roles[0], k => k.Key));

        var measures = await Run("measures", "--json");
        Assert.Equal(ExitCodes.Ok, measures.Code);
        using (var json = JsonDocument.Parse(measures.Output))
        {
            var ids = json.RootElement.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("measureId").GetString()).ToList();
            Assert.Contains("HP-2024-3/18", ids);
        }

        var demo = await Run("demo", "--applications", "12");
        Assert.True(demo.Code == ExitCodes.Ok, demo.Error);
        var created = await Applications(server);
        Assert.Equal(12, created.Count);
        Assert.True(created.Select(a => a.Status).Distinct().Count() >= 8, string.Join(", ", created.Select(a => a.Status)));

        var again = await Run("demo", "--applications", "12");
        Assert.True(again.Code == ExitCodes.Ok, again.Error);
        Assert.Equal(created.Select(a => a.ApplicationId).Order(), (await Applications(server)).Select(a => a.ApplicationId).Order());

        var ledgers = await Run("ledgers");
        Assert.Equal(ExitCodes.Ok, ledgers.Code);
        Assert.Contains("TOTAL", ledgers.Output, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<Application>> Applications(GrantsServer server) =>
        (await server.Client<ApplicationService.ApplicationServiceClient>("auditor")
            .ListApplicationsAsync(new ListApplicationsRequest { PageSize = 200 })).Applications;

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = CliEnvironment.Of(new Dictionary<string, string>(), _workingDirectory.FullName);
        var code = await GrantsCli.Run([.. args, "--url", fixture.Server.Address.ToString()], environment, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
