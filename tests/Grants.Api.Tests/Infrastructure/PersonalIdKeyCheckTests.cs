using System.Security.Cryptography;
using Grants.Testing;

namespace Grants.Api.Tests.Infrastructure;

/// <summary>Persons are told apart by a keyed hash of their ID numbers: a server started on a database with another
/// key than the one its persons were registered under must refuse to start, or per-person caps would count again.</summary>
public sealed class PersonalIdKeyCheckTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task GivenADatabaseWhosePersonsWereHashedWithOneKey_WhenAServerStartsWithAnother_ThenItRefusesToStart()
    {
        await (await GrantsServer.Start(database.ConnectionString)).DisposeAsync();
        var another = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => GrantsServer.Start(database.ConnectionString,
            settings: new Dictionary<string, string?> { ["Grants:PersonalIdKey"] = another }));

        Assert.Contains("not the key this database's persons were registered under", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Grants:PersonalIdKey", refused.Message, StringComparison.Ordinal);
        await (await GrantsServer.Start(database.ConnectionString)).DisposeAsync();
    }
}
