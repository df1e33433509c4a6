using Grants.Api.Auth;
using Grants.Api.Storage;
using Grants.Testing;
using Grpc.Core;
using Npgsql;

namespace Grants.Api.Tests.Infrastructure;

// The dev keys file's protection is a Unix file mode; the embedded default runs on Linux.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DevKeysTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "grants-devkeys-" + Guid.NewGuid().ToString("N"));

    private string KeysFile => Path.Combine(_home, "dev-keys.json");

    public void Dispose()
    {
        if (Directory.Exists(_home))
            Directory.Delete(_home, recursive: true);
    }

    private Task<NpgsqlDataSource> FreshDatabase() => database.CreateDatabase(ApiMigrations.All);

    [Fact]
    public async Task GivenAFreshEmbeddedDatabase_WhenDevKeysAreEnsured_ThenOneKeyPerRoleIsWrittenWithMode0600()
    {
        var db = await FreshDatabase();

        Assert.True(await DevKeys.Ensure(db, KeysFile));

        var keys = DevKeys.ReadFile(KeysFile)!;
        Assert.Equal(Roles.All.Order(), keys.Keys.Order());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeysFile));
        Assert.Equal(Roles.All.Count, keys.Values.Distinct().Count());
    }

    [Fact]
    public async Task GivenGeneratedKeys_WhenTheDatabaseIsRead_ThenItHoldsOnlyHashesWithOneRoleEach()
    {
        var db = await FreshDatabase();
        await DevKeys.Ensure(db, KeysFile);
        var plain = DevKeys.ReadFile(KeysFile)!;

        var stored = await ApiKeyTable.LoadAll(db, CancellationToken.None);

        Assert.Equal(Roles.All.Count, stored.Count);
        Assert.All(stored, key =>
        {
            var role = Assert.Single(key.Roles);
            Assert.Equal($"dev-{role}", key.Name);
            Assert.Equal(ApiKey.Hash(plain[role]), key.Sha256Hex);
            Assert.True(key.Scope.IsUnrestricted);
        });
    }

    [Fact]
    public async Task GivenValidKeys_WhenEnsuredAgain_ThenNothingChanges()
    {
        var db = await FreshDatabase();
        await DevKeys.Ensure(db, KeysFile);
        var before = File.ReadAllText(KeysFile);

        Assert.False(await DevKeys.Ensure(db, KeysFile));

        Assert.Equal(before, File.ReadAllText(KeysFile));
    }

    [Fact]
    public async Task GivenTheFileWasDeleted_WhenEnsured_ThenANewSetReplacesTheOldOneInTheDatabase()
    {
        var db = await FreshDatabase();
        await DevKeys.Ensure(db, KeysFile);
        var old = DevKeys.ReadFile(KeysFile)!;
        File.Delete(KeysFile);

        Assert.True(await DevKeys.Ensure(db, KeysFile));

        var hashes = (await ApiKeyTable.LoadAll(db, CancellationToken.None)).Select(k => k.Sha256Hex).ToHashSet();
        Assert.Equal(Roles.All.Count, hashes.Count);
        Assert.DoesNotContain(ApiKey.Hash(old[Roles.Admin]), hashes);
        Assert.Contains(ApiKey.Hash(DevKeys.ReadFile(KeysFile)![Roles.Admin]), hashes);
    }

    [Fact]
    public async Task GivenAFileFromAnotherDatabase_WhenEnsured_ThenItIsReplaced()
    {
        await DevKeys.Ensure(await FreshDatabase(), KeysFile);
        var other = await FreshDatabase();

        Assert.True(await DevKeys.Ensure(other, KeysFile));
    }

    [Fact]
    public async Task GivenAKeysFileWithLooseMode_WhenEnsured_ThenItIsRestrictedToItsOwner()
    {
        var db = await FreshDatabase();
        await DevKeys.Ensure(db, KeysFile);
        File.SetUnixFileMode(KeysFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        await DevKeys.Ensure(db, KeysFile);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeysFile));
    }

    [Fact]
    public async Task GivenStoredDevKeys_WhenTheServerStarts_ThenTheyAuthenticateWithTheirRoleOnly()
    {
        var db = await FreshDatabase();
        await DevKeys.Ensure(db, KeysFile);
        var plain = DevKeys.ReadFile(KeysFile)!;
        await using var server = await GrantsServer.Start(db.ConnectionString, keys: []);

        var asAuditor = await ContractRpcs.CallEmpty(server.Invoker(plain[Roles.Auditor]), "/grants.v1.ApplicationService/GetApplication");
        var auditorApproving = await ContractRpcs.CallEmpty(server.Invoker(plain[Roles.Auditor]), "/grants.v1.ApplicationService/Approve");

        Assert.NotEqual(StatusCode.Unauthenticated, asAuditor);
        Assert.NotEqual(StatusCode.PermissionDenied, asAuditor);
        Assert.Equal(StatusCode.PermissionDenied, auditorApproving);
    }
}
