using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grpc.Core;
using Grpc.Health.V1;

namespace Grants.Cli.Health;

/// <summary>`grants health [--wait SECONDS]`: the server's grpc.health.v1 status (NOT_SERVING while its database is
/// unreachable). With --wait it keeps asking until SERVING or the time is up, so scripts can start the server and
/// wait for it.</summary>
public sealed class HealthCommand : ICommandGroup
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public Command Build(CliContext cli)
    {
        var wait = new Option<int>("--wait") { Description = "Wait up to this many seconds for SERVING" };
        wait.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--wait must not be negative"); });
        var command = new Command("health", "Print the server's health (SERVING, NOT_SERVING); exit code 0 only when SERVING") { wait };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var client = run.Connection.Anonymous<Grpc.Health.V1.Health.HealthClient>();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(run.Get(wait));
            while (true)
            {
                var (status, failure) = await Check(client);
                var done = status == HealthCheckResponse.Types.ServingStatus.Serving || DateTime.UtcNow >= deadline;
                if (done && failure is not null)
                    throw failure;
                if (done)
                {
                    await run.Out.WriteLineAsync(RpcErrorText.CodeName(status));
                    return status == HealthCheckResponse.Types.ServingStatus.Serving ? ExitCodes.Ok : ExitCodes.Refused;
                }
                await Task.Delay(PollInterval, run.CancellationToken);
            }
        }));
        return command;
    }

    private static async Task<(HealthCheckResponse.Types.ServingStatus Status, RpcException? Failure)> Check(
        Grpc.Health.V1.Health.HealthClient client)
    {
        try
        {
            var response = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
            return (response.Status, null);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return (HealthCheckResponse.Types.ServingStatus.Unknown, e);
        }
    }
}
