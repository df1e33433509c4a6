using Npgsql;

namespace Grants.EventStore.Tests.Embedded;

public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "grants-es-embedded-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _log = [];

    public EmbeddedPostgresTests() => Directory.CreateDirectory(_root);

    [Fact]
    public async Task GivenAnEmptyFolder_WhenStartedStoppedAndStartedAgain_ThenTheSecondStartReusesTheDataAndARunningClusterIsShared()
    {
        var options = new EmbeddedPostgresOptions(Path.Combine(_root, "data"), Durable: false);

        await using (var first = await EmbeddedPostgres.Start(options, _log.Add))
        {
            await Execute(first.ConnectionString, "create table kept (note text); insert into kept values ('written before the restart')");
            await first.Stop();
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => Execute(first.ConnectionString, "select 1"));
        }

        await using var second = await EmbeddedPostgres.Start(options, _log.Add);
        Assert.Equal("written before the restart", await Scalar(second.ConnectionString, "select note from kept"));
        Assert.Equal("off", await Scalar(second.ConnectionString, "show fsync"));
        Assert.Equal("127.0.0.1", await Scalar(second.ConnectionString, "show listen_addresses"));

        await using (var shared = await EmbeddedPostgres.Start(options, _log.Add))
        {
            Assert.Equal(second.Port, shared.Port);
            await shared.Stop();
        }
        Assert.Equal("written before the restart", await Scalar(second.ConnectionString, "select note from kept"));
        Assert.Contains(_log, line => line.Contains("Reusing", StringComparison.Ordinal));
        await second.Stop();
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task GivenAFolderThePostgresUserCannotReach_WhenStartedAsRoot_ThenTheClusterLivesUnderVarTmp()
    {
        var hidden = Path.Combine(_root, "private");
        Directory.CreateDirectory(hidden);
        File.SetUnixFileMode(hidden, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var requested = Path.Combine(hidden, "data");
        var asRoot = Environment.UserName == "root";

        await using var server = await EmbeddedPostgres.Start(new EmbeddedPostgresOptions(requested, Durable: false), _log.Add);
        try
        {
            Assert.Equal(1, await Scalar(server.ConnectionString, "select 1"));
            if (asRoot)
                Assert.StartsWith("/var/tmp/grants-pg/", server.DataDirectory, StringComparison.Ordinal);
            else
                Assert.Equal(requested, server.DataDirectory);
        }
        finally
        {
            await server.Stop();
            if (asRoot)
                Directory.Delete(server.DataDirectory, recursive: true);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
