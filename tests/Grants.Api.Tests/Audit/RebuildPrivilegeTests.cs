using Grants.Projections.Audit.Rebuild;
using Grants.Projections.Registration;
using Grants.Testing;
using Npgsql;

namespace Grants.Api.Tests.Audit;

/// <summary>The rebuild needs CREATE on the database for its shadow schema; a role without it is told so.</summary>
public sealed class RebuildPrivilegeTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task GivenARoleThatMayOnlyRead_WhenRebuildCompareRuns_ThenItIsRefusedNamingTheCreatePrivilege()
    {
        var role = "rebuild_reader_" + Guid.NewGuid().ToString("N")[..12];
        await Execute(databases.DataSource, $"""
            create role {role} login;
            grant usage on schema grants to {role};
            grant select on all tables in schema grants to {role};
            """);
        try
        {
            await using var reader = NpgsqlDataSource.Create(
                new NpgsqlConnectionStringBuilder(databases.ConnectionString) { Username = role, Pooling = false }.ConnectionString);
            var comparer = new RebuildComparer(reader, GrantsEventTypes.Create(), TimeProvider.System);

            var refused = await Assert.ThrowsAsync<ShadowSchemaRefusedException>(() =>
                comparer.Run(keepShadow: false, maxDifferences: 10, _ => Task.CompletedTask, CancellationToken.None));

            Assert.Contains("grant it CREATE on the database", refused.Message, StringComparison.Ordinal);
            Assert.Contains("grants_shadow_", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await Execute(databases.DataSource, $"drop owned by {role}; drop role {role}");
        }
    }

    private static async Task Execute(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
