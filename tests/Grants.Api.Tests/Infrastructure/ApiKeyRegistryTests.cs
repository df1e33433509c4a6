using Grants.Api.Auth;

namespace Grants.Api.Tests.Infrastructure;

public sealed class ApiKeyRegistryTests
{
    private static ApiKeyOptions Option(string name, string key, params string[] roles) =>
        new() { Name = name, Sha256 = ApiKey.Hash(key), Roles = [.. roles], Jurisdictions = ["SH-HP"] };

    [Fact]
    public void GivenAConfiguredKey_WhenItsPlainKeyIsPresented_ThenItIsFoundWithRolesAndScope()
    {
        var registry = new ApiKeyRegistry([Option("treasury", "k-treasury", Roles.Finance)]);

        var key = registry.Find("k-treasury");

        Assert.NotNull(key);
        Assert.Equal("treasury", key.Name);
        Assert.Contains(Roles.Finance, key.Roles);
        Assert.Contains("SH-HP", key.Scope.Jurisdictions);
        Assert.Null(registry.Find("k-other"));
        Assert.Null(registry.Find(ApiKey.Hash("k-treasury")));
    }

    [Fact]
    public void GivenAPlainKeyWhereTheHashBelongs_WhenConfigured_ThenStartUpIsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ApiKeyRegistry([new ApiKeyOptions { Name = "oops", Sha256 = "gk_the-plain-key", Roles = [Roles.Admin] }]));

        Assert.Contains("never the key itself", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("gk_the-plain-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenUnknownRolesDuplicatesAndMissingNames_WhenConfigured_ThenEveryProblemIsListed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ApiKeyRegistry(
        [
            Option("a", "k1", "superuser"),
            Option("a", "k2", Roles.Admin),
            Option("", "k3"),
        ]));

        Assert.Contains("unknown role 'superuser'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'a' is configured twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("Name is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least one role", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenStoredKeys_WhenUsed_ThenTheyAreFoundBesideTheConfiguredOnes()
    {
        var registry = new ApiKeyRegistry([Option("treasury", "k-treasury", Roles.Finance)]);

        registry.UseStoredKeys([new ApiKey("dev-admin", ApiKey.Hash("k-dev"), new HashSet<string> { Roles.Admin }, CallerScope.All)]);

        Assert.Equal("dev-admin", registry.Find("k-dev")?.Name);
        Assert.Equal("treasury", registry.Find("k-treasury")?.Name);
        Assert.Equal(2, registry.Count);
    }
}
