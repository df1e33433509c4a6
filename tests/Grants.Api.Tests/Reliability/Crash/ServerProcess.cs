using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grants.Api.Auth;
using Grants.Api.Tests.Infrastructure;
using Grants.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Grants.Api.Tests.Reliability.Crash;

/// <summary>The server as its own operating-system process (`dotnet Grants.Api.dll`), so a test can kill it with
/// SIGKILL exactly as a crash or an OOM kill would: no shutdown hook, no flush, no graceful drain.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }
    public GrpcChannel Channel { get; }
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts the server on a free loopback port against the database, with one key, and waits (deadline
    /// 60 s) until its health check answers SERVING.</summary>
    public static async Task<ServerProcess> Start(string connectionString, TestApiKey key)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Grants.Api.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var env = start.Environment;
        env["GRANTS_DB"] = connectionString;
        env["GRANTS_URLS"] = $"http://127.0.0.1:{port}";
        env["ASPNETCORE_URLS"] = null;
        env["Grants__DevKeys"] = "false";
        env["Grants__PersonalIdKey"] = GrantsServer.PersonalIdKey;
        env["Grants__ApiKeys__0__Name"] = key.Name;
        env["Grants__ApiKeys__0__Sha256"] = ApiKey.Hash(key.Key);
        foreach (var (role, i) in key.Roles.Select((r, i) => (r, i)))
            env[$"Grants__ApiKeys__0__Roles__{i}"] = role;
        env["Grants__ApiKeys__0__Jurisdictions__0"] = CallerScope.Everything;

        var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        var health = new Health.HealthClient(server.Channel);
        await Eventually.Until(async () =>
        {
            if (server._process.HasExited)
                throw new InvalidOperationException("The server exited at start-up:\n" + string.Join("\n", server.Output.TakeLast(30)));
            try
            {
                var answer = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                return answer.Status == HealthCheckResponse.Types.ServingStatus.Serving;
            }
            catch (RpcException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the server process answers SERVING");
        return server;
    }

    /// <summary>SIGKILL, then wait (deadline 30 s) until the process is gone and its output has been read to the end.</summary>
    public async Task Kill()
    {
        _process.Kill(entireProcessTree: true);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
            await Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
