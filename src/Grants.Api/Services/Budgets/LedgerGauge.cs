using Grants.Api.Telemetry;
using Grants.Projections.Queries;

namespace Grants.Api.Services.Budgets;

/// <summary>Feeds the grants.ledger.available gauge. The metrics exporter must answer from memory, so this keeps a
/// snapshot of every line's available amount, refreshed on a timer by one small query.</summary>
public sealed partial class LedgerGauge(LedgerQueries ledgers, ILogger<LedgerGauge> logger) : BackgroundService, ILedgerAvailability
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private volatile IReadOnlyList<LedgerAvailable> _snapshot = [];

    public IReadOnlyList<LedgerAvailable> Snapshot() => _snapshot;

    public async Task Refresh(CancellationToken ct)
    {
        var rows = await ledgers.All(ct);
        _snapshot = [.. rows.Select(r => new LedgerAvailable(r.Key.Bureau.Value, r.Key.FiscalYear, r.Key.Measure.Value, r.Available.Fen))];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        GrantsTelemetry.Observe(this);
        using var timer = new PeriodicTimer(RefreshInterval);
        do
        {
            try
            {
                await Refresh(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A missed refresh only leaves the gauge a little stale; the health check reports the database.
                LogRefreshFailed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger gauge not refreshed ({ExceptionType}); keeping the last snapshot")]
    private static partial void LogRefreshFailed(ILogger logger, string exceptionType);
}
