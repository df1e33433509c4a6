using System.Text.Json;
using Grants.Cli.Connection;

namespace Grants.Cli.Tests.Connection;

public sealed class ApiKeysTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("grants-cli-keys-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void GivenGrantsApiKey_WhenAKeyIsNeeded_ThenItIsUsedForEveryRole()
    {
        WriteDevKeys(_root.FullName, new() { ["auditor"] = "from-file" });

        var keys = ApiKeys.Resolve(Environment(new() { ["GRANTS_API_KEY"] = " gk_env " }, _root.FullName));

        Assert.Equal("gk_env", keys.For(Roles.Reader));
        Assert.Equal("gk_env", keys.For([Roles.Finance]));
        Assert.Equal("GRANTS_API_KEY", keys.Source);
    }

    [Fact]
    public void GivenDevKeysAboveTheWorkingDirectory_WhenAReaderKeyIsNeeded_ThenTheAuditorsKeyFirst()
    {
        WriteDevKeys(_root.FullName, new() { ["admin"] = "gk_admin", ["auditor"] = "gk_auditor", ["finance"] = "gk_finance" });
        var deeper = Directory.CreateDirectory(Path.Combine(_root.FullName, "src", "Grants.Cli"));

        var keys = ApiKeys.Resolve(Environment([], deeper.FullName));

        Assert.Equal("gk_auditor", keys.For(Roles.Reader));
        Assert.Equal("gk_finance", keys.For([Roles.Finance]));
        Assert.Equal(Path.Combine(_root.FullName, ".grants", "dev-keys.json"), keys.Source);
    }

    [Fact]
    public void GivenDevKeysWithoutTheAuditor_WhenAReaderKeyIsNeeded_ThenTheAdminsKey()
    {
        WriteDevKeys(_root.FullName, new() { ["admin"] = "gk_admin" });

        Assert.Equal("gk_admin", ApiKeys.Resolve(Environment([], _root.FullName)).For(Roles.Reader));
    }

    [Fact]
    public void GivenAServerHomeElsewhere_WhenKeysAreResolved_ThenItsDevKeysFileIsUsed()
    {
        var home = Directory.CreateDirectory(Path.Combine(_root.FullName, "state"));
        File.WriteAllText(Path.Combine(home.FullName, "dev-keys.json"), JsonSerializer.Serialize(new Dictionary<string, string> { ["admin"] = "gk_home" }));
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root.FullName, "work"));

        var keys = ApiKeys.Resolve(Environment(new() { ["Grants__Home"] = home.FullName }, elsewhere.FullName));

        Assert.Equal("gk_home", keys.For(Roles.Reader));
    }

    [Fact]
    public void GivenNoKeyAnywhere_WhenAKeyIsNeeded_ThenAMessageSayingHowToGetOne()
    {
        var keys = ApiKeys.Resolve(Environment([], _root.FullName));

        var error = Assert.Throws<CliException>(() => keys.For(Roles.Reader));

        Assert.Contains("GRANTS_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains("auditor or admin", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, error.ExitCode);
    }

    [Fact]
    public void GivenDevKeysWithoutTheRole_WhenItsKeyIsNeeded_ThenTheFileAndRoleAreNamed()
    {
        WriteDevKeys(_root.FullName, new() { ["auditor"] = "gk_auditor" });

        var error = Assert.Throws<CliException>(() => ApiKeys.Resolve(Environment([], _root.FullName)).For([Roles.Finance]));

        Assert.Contains("dev-keys.json has no key for role finance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnUnreadableDevKeysFile_WhenKeysAreResolved_ThenTheFileIsNamed()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, ".grants"));
        File.WriteAllText(Path.Combine(_root.FullName, ".grants", "dev-keys.json"), "{ not json");

        var error = Assert.Throws<CliException>(() => ApiKeys.Resolve(Environment([], _root.FullName)));

        Assert.Contains("cannot read", error.Message, StringComparison.Ordinal);
    }

    internal static void WriteDevKeys(string directory, Dictionary<string, string> keys)
    {
        Directory.CreateDirectory(Path.Combine(directory, ".grants"));
        File.WriteAllText(Path.Combine(directory, ".grants", "dev-keys.json"), JsonSerializer.Serialize(keys));
    }

    private static CliEnvironment Environment(Dictionary<string, string> variables, string directory) =>
        CliEnvironment.Of(variables, directory);
}
