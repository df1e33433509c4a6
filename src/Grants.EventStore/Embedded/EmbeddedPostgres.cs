using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Grants.EventStore;

/// <summary>A private PostgreSQL cluster for development and tests: created on first use in a data folder, started on
/// a loopback port with trust authentication (it never listens beyond 127.0.0.1), reused on later runs, stopped on
/// dispose. A cluster that was already running in the folder is reused and left running.</summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string ConfigFile = "grants.conf";
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);

    private readonly string _binaries;
    private readonly string _dataDirectory;
    private readonly bool _ownsServer;
    private int _stopped;

    private EmbeddedPostgres(string binaries, string dataDirectory, int port, bool ownsServer)
    {
        _binaries = binaries;
        _dataDirectory = dataDirectory;
        Port = port;
        _ownsServer = ownsServer;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
    }

    public string ConnectionString { get; }

    public int Port { get; }

    /// <summary>The folder the cluster actually uses (see the /var/tmp fallback for root).</summary>
    public string DataDirectory => _dataDirectory;

    public static async Task<EmbeddedPostgres> Start(EmbeddedPostgresOptions options, Action<string>? log = null,
                                                     CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        log ??= _ => { };
        var binaries = PostgresBinaries.Locate();
        var directory = await Task.Run(() => ClusterDirectory.Prepare(options.DataDirectory, log), ct);

        if (!ClusterDirectory.IsInitialised(directory))
        {
            log($"Creating a PostgreSQL cluster in {directory}.");
            await Task.Run(() => Initialise(binaries, directory, options.Durable), ct);
        }

        if (RunningPort(binaries, directory) is { } runningPort)
        {
            log($"Reusing the PostgreSQL cluster already running in {directory} on port {runningPort}.");
            var reused = new EmbeddedPostgres(binaries, directory, runningPort, ownsServer: false);
            await reused.WaitUntilReady(ct);
            return reused;
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port == 0 ? FreeLoopbackPort() : options.Port;
            WriteConfig(directory, port, options.Durable);
            var started = await Task.Run(() => PgCtl(binaries, "start", "-D", directory, "-w", "-t", "60",
                "-l", Path.Combine(directory, "postmaster.log")), ct);
            if (started.ExitCode == 0)
            {
                log($"PostgreSQL started in {directory} on 127.0.0.1:{port}.");
                var server = new EmbeddedPostgres(binaries, directory, port, ownsServer: true);
                await server.WaitUntilReady(ct);
                return server;
            }
            // A free port can be taken between choosing it and binding it; choose again.
            if (options.Port != 0 || attempt == 3)
                started.ThrowOnFailure($"Starting PostgreSQL (log: {Path.Combine(directory, "postmaster.log")})");
        }
    }

    /// <summary>Fast shutdown (open sessions are cut, committed data is kept). Leaves a reused cluster running.</summary>
    public Task Stop() => Task.Run(StopNow);

    public async ValueTask DisposeAsync() => await Stop();

    /// <summary>Synchronous, for process-exit handlers that cannot await.</summary>
    public void StopNow()
    {
        if (!_ownsServer || Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        PgCtl(_binaries, "stop", "-D", _dataDirectory, "-m", "fast", "-w").ThrowOnFailure("Stopping PostgreSQL");
    }

    /// <summary>For exit handlers of processes that get killed moments after exiting (the test host): hands an
    /// immediate stop — and, if given, the removal of <paramref name="thenDelete"/> — to a detached shell.</summary>
    public void StopInBackground(string? thenDelete = null)
    {
        if (!_ownsServer || Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        var stop = $"{OsUser.AsClusterUserPrefix()}{OsUser.ShellQuote(Path.Combine(_binaries, "pg_ctl"))} stop " +
                   $"-D {OsUser.ShellQuote(_dataDirectory)} -m immediate -w";
        OsUser.StartDetached(thenDelete is null ? stop : $"{stop}; rm -rf {OsUser.ShellQuote(thenDelete)}");
    }

    /// <summary>Stops whatever cluster runs in <paramref name="dataDirectory"/> without waiting for clients, e.g. one
    /// left behind by a test run that was killed. Does nothing when none runs there.</summary>
    public static void StopAbandoned(string dataDirectory)
    {
        var binaries = PostgresBinaries.Locate();
        if (Directory.Exists(dataDirectory) && PgCtl(binaries, "status", "-D", dataDirectory).ExitCode == 0)
            PgCtl(binaries, "stop", "-D", dataDirectory, "-m", "immediate", "-w").ThrowOnFailure("Stopping an abandoned PostgreSQL");
    }

    private static void Initialise(string binaries, string directory, bool durable)
    {
        string[] args = ["-D", directory, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--locale=C"];
        OsUser.RunAsClusterUser(Path.Combine(binaries, "initdb"), durable ? args : [.. args, "--no-sync"])
            .ThrowOnFailure("initdb");
        File.AppendAllText(Path.Combine(directory, "postgresql.conf"), $"\ninclude_if_exists = '{ConfigFile}'\n");
    }

    /// <summary>Rewritten at every start, so the port and durability follow the options of this run.</summary>
    private static void WriteConfig(string directory, int port, bool durable)
    {
        var settings = new List<string>
        {
            "listen_addresses = '127.0.0.1'",
            $"port = {port.ToString(CultureInfo.InvariantCulture)}",
            // No unix socket: a deep data path would exceed the socket path limit, and TCP on loopback is enough.
            "unix_socket_directories = ''",
            "max_connections = 200",
        };
        if (!durable)
            settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        var path = Path.Combine(directory, ConfigFile);
        File.WriteAllLines(path, settings);
        OsUser.GiveToClusterUser(path);
    }

    /// <returns>The port of a server already running in the folder, or null.</returns>
    private static int? RunningPort(string binaries, string directory)
    {
        if (PgCtl(binaries, "status", "-D", directory).ExitCode != 0)
            return null;
        // postmaster.pid: pid, data directory, start time, port, ...
        var lines = File.ReadAllLines(Path.Combine(directory, "postmaster.pid"));
        return lines.Length > 3 && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private static ProcessOutcome PgCtl(string binaries, params string[] args) =>
        OsUser.RunAsClusterUser(Path.Combine(binaries, "pg_ctl"), args);

    private async Task WaitUntilReady(CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(ReadyDeadline);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Timeout=5");
                await connection.OpenAsync(deadline.Token);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException && !deadline.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"PostgreSQL in {_dataDirectory} did not accept connections within {ReadyDeadline.TotalSeconds:0} s; " +
                                           $"see {Path.Combine(_dataDirectory, "postmaster.log")}.");
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
