using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Grants.Api.Operations;

/// <summary>Healthy while PostgreSQL answers a trivial query within a few seconds; the gRPC health service then
/// reports SERVING, otherwise NOT_SERVING. The reason stays in the server log, not in the answer.</summary>
public sealed partial class DatabaseHealthCheck(NpgsqlDataSource dataSource, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            LogUnreachable(logger, e.GetType().Name, e.Message);
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database health check failed: {ExceptionType}: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string exceptionType, string reason);
}
