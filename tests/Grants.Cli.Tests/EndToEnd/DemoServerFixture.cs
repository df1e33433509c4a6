using Grants.Api.Tests.Infrastructure;
using Grants.Cli.Connection;
using Grants.Cli.Tests.Connection;
using Npgsql;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>One real server on a fresh database, filled once by `grants demo` (20 applications: every lifecycle path
/// once), shared by the audit and finance command tests so the demo runs once for both. The tests of the collection
/// run one after another, so each sees no writes but its own while it runs.</summary>
public sealed class DemoServerFixture : IAsyncLifetime
{
    /// <summary>Twenty applications take each <see cref="Demo.DemoPath"/> once.</summary>
    public const int Applications = 20;

    private readonly GrantsServerFixture _server = new();

    public DirectoryInfo WorkingDirectory { get; } = Directory.CreateTempSubdirectory("grants-cli-demo-");

    public GrantsServer Server => _server.Server;

    /// <summary>The server's database, for tests that alter a live table behind its back (and put it back).</summary>
    public NpgsqlDataSource Database => _server.Database.DataSource;

    /// <summary>When the demo started: every event of the fixture was recorded after this.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    public async Task InitializeAsync()
    {
        StartedAt = DateTimeOffset.UtcNow;
        await _server.InitializeAsync();
        // The CLI finds the keys the way it does next to the embedded server: a dev keys file above its directory.
        ApiKeysTests.WriteDevKeys(WorkingDirectory.FullName, Server.Keys.ToDictionary(k => k.Roles[0], k => k.Key));
        var demo = await Run("demo", "--applications", Applications.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (demo.Code != ExitCodes.Ok)
            throw new InvalidOperationException($"grants demo failed ({demo.Code}): {demo.Error}");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        WorkingDirectory.Delete(recursive: true);
    }

    /// <summary>Runs one SQL statement on the server's database (to alter a live table, then restore it).</summary>
    public async Task Execute(string sql)
    {
        await using var command = Database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A path in the working directory, for files the CLI reads or the test writes.</summary>
    public string PathOf(string name) => Path.Combine(WorkingDirectory.FullName, name);

    /// <summary>Runs `grants ARGS --url SERVER` in-process, as a user would from the working directory.</summary>
    public async Task<CliRun> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Run(output, error, CancellationToken.None, args);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the CLI writing where the test says, until it ends or <paramref name="interrupt"/> (Ctrl+C).</summary>
    public Task<int> Run(TextWriter output, TextWriter error, CancellationToken interrupt, params string[] args)
    {
        var environment = CliEnvironment.Of(new Dictionary<string, string>(), WorkingDirectory.FullName);
        return GrantsCli.Run([.. args, "--url", Server.Address.ToString()], environment, output, error, interrupt);
    }

    /// <summary>Runs the CLI against another address, e.g. one where no server listens.</summary>
    public async Task<CliRun> RunAt(string url, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = CliEnvironment.Of(new Dictionary<string, string>(), WorkingDirectory.FullName);
        var code = await GrantsCli.Run([.. args, "--url", url], environment, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

/// <summary>What one run of the CLI left: its exit code, standard output and standard error.</summary>
public sealed record CliRun(int Code, string Output, string Error)
{
    /// <summary>For assertion messages: everything the run said.</summary>
    public override string ToString() => $"exit {Code}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

[CollectionDefinition(Name)]
public sealed class DemoServerCollection : ICollectionFixture<DemoServerFixture>
{
    public const string Name = "demo server";
}
