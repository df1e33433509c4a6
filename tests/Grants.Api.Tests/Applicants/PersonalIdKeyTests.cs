using Grants.Api.Hosting;
using Grants.Api.Services.Applicants;
using Grants.Api.Tests.Infrastructure;
using Grants.Testing;
using Microsoft.Extensions.Configuration;

namespace Grants.Api.Tests.Applicants;

public sealed class PersonalIdKeyTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), $"grants-key-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_home))
            Directory.Delete(_home, recursive: true);
    }

    private static IConfiguration Settings(string? key = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PersonalIdKey.ConfigurationKey] = key }).Build();

    private GrantsDatabaseOptions Embedded => new(null, _home, GrantsDatabaseOptions.DefaultEmbeddedPort, true);

    private GrantsDatabaseOptions Explicit => new("Host=db.example;Database=grants", _home, GrantsDatabaseOptions.DefaultEmbeddedPort, true);

    [Fact]
    public void GivenTheEmbeddedDefault_WhenStartedTwice_ThenOneKeyFileOwnerOnlyIsCreatedAndReused()
    {
        var first = PersonalIdKey.Load(Settings(), Embedded);
        var file = Path.Combine(_home, PersonalIdKey.FileName);
        var written = File.ReadAllText(file);

        var second = PersonalIdKey.Load(Settings(), Embedded);

        Assert.Equal(file, first.Source);
        Assert.Equal(written, File.ReadAllText(file));
        Assert.Equal(first.Hasher.Hash("310101198603120012"), second.Hasher.Hash("310101198603120012"));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Single(Directory.GetFiles(_home)); // no temporary file left behind
    }

    [Fact]
    public void GivenAnExplicitDatabaseAndNoKey_WhenLoading_ThenStartUpIsRefusedNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PersonalIdKey.Load(Settings(), Explicit));

        Assert.Contains(PersonalIdKey.ConfigurationKey, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_home));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")] // "short": 5 bytes
    public void GivenABadConfiguredKey_WhenLoading_ThenStartUpIsRefused(string key)
    {
        Assert.Throws<InvalidOperationException>(() => PersonalIdKey.Load(Settings(key), Explicit));
    }

    [Fact]
    public void GivenAConfiguredKey_WhenLoading_ThenItIsUsedAndNoFileIsWritten()
    {
        var key = PersonalIdKey.Load(Settings(GrantsServer.PersonalIdKey), Embedded);

        Assert.Equal(PersonalIdKey.ConfigurationKey, key.Source);
        Assert.False(Directory.Exists(_home));
    }

    [Fact]
    public async Task GivenAServerOnAnExplicitDatabaseWithoutAKey_WhenStarting_ThenItRefuses()
    {
        var database = new DatabaseFixture();
        await database.InitializeAsync();
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GrantsServer.Start(database.ConnectionString,
                settings: new Dictionary<string, string?> { [PersonalIdKey.ConfigurationKey] = null }));
            Assert.Contains(PersonalIdKey.ConfigurationKey, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
