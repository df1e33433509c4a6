using Grants.Cli.Connection;

namespace Grants.Cli.Tests.Parsing;

public sealed class CommandLineTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("grants-cli-parse-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void GivenStatusesRepeatedAndCommaSeparated_WhenParsed_ThenAllAreKept()
    {
        var parse = GrantsCli.Build(Environment()).Parse(["applications", "list", "--status", "paid,clawback-open", "--status", "submitted"]);

        Assert.Empty(parse.Errors);
        Assert.Equal(["paid", "clawback-open", "submitted"], parse.GetValue<string[]>("--status") ?? []);
    }

    [Fact]
    public async Task GivenAnUnknownStatus_WhenRun_ThenAUsageErrorListingTheStatuses()
    {
        var (code, _, error) = await Run("applications", "list", "--status", "finished");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("unknown status 'finished'; one of: submitted, eligible", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ledgers", "--fy", "1999")]
    [InlineData("demo", "--applications", "0")]
    [InlineData("applications", "show")]
    [InlineData("measures", "--policy")]
    public async Task GivenABadCommandLine_WhenRun_ThenTheUsageExitCode(params string[] args)
    {
        var (code, _, error) = await Run(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task GivenAUrlThatIsNotHttp_WhenRun_ThenRefusedBeforeAnyCall()
    {
        var (code, _, error) = await Run("measures", "--url", "ftp://example.org");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("grants: server address 'ftp://example.org' is not an http:// or https:// URL", error.Trim());
    }

    [Fact]
    public async Task GivenNoKey_WhenAReadCommandRuns_ThenOneLineSayingWhereKeysComeFrom()
    {
        var (code, output, error) = await Run("ledgers");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("grants: no API key: set GRANTS_API_KEY", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenNoServerListening_WhenHealthIsAsked_ThenUnavailableExitCode()
    {
        var (code, _, error) = await Run("health", "--url", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.Unavailable, code);
        Assert.StartsWith("grants: UNAVAILABLE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAnUnreadableDevKeysFile_WhenHealthIsAsked_ThenNoKeyIsRead()
    {
        Directory.CreateDirectory(Path.Combine(_directory.FullName, ".grants"));
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, ".grants", "dev-keys.json"), "{ not json");

        var (code, _, error) = await Run("health", "--url", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.Unavailable, code);
        Assert.DoesNotContain("dev-keys.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenGrantsUrl_WhenNoUrlOption_ThenTheVariableIsUsed()
    {
        var cli = new CliContext(CliEnvironment.Of(new Dictionary<string, string> { ["GRANTS_URL"] = "http://10.0.0.5:6000" }, _directory.FullName));
        var root = new System.CommandLine.RootCommand { cli.UrlOption };

        Assert.Equal(new Uri("http://10.0.0.5:6000"), cli.ServerAddress(root.Parse([])));
        Assert.Equal(new Uri("http://127.0.0.1:7000"), cli.ServerAddress(root.Parse(["--url", "http://127.0.0.1:7000"])));
    }

    private CliEnvironment Environment() => CliEnvironment.Of(new Dictionary<string, string>(), _directory.FullName);

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GrantsCli.Run(args, Environment(), output, error);
        return (code, output.ToString(), error.ToString());
    }
}
