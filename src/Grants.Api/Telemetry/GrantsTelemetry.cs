using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Grants.Api.Telemetry;

/// <summary>Grants' own traces and metrics (source and meter "Grants"); ASP.NET Core and Npgsql bring theirs.</summary>
public static class GrantsTelemetry
{
    public const string Name = "Grants";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Mutating RPCs by outcome: tags command (the RPC, e.g. "Approve") and outcome ("ok" or the gRPC
    /// status, e.g. "failed_precondition").</summary>
    public static readonly Counter<long> Commands =
        Meter.CreateCounter<long>("grants.commands", unit: "{command}", description: "Commands handled, by outcome");

    /// <summary>Commands refused by a limit: tag limit (e.g. "HP-2024-3/18 per-person cap").</summary>
    public static readonly Counter<long> LimitRefusals =
        Meter.CreateCounter<long>("grants.limit_refusals", unit: "{refusal}", description: "Commands refused by a limit");

    private static volatile ILedgerAvailability? _ledgers;
    private static volatile IProjectionLag? _projections;

    /// <summary>Available amount per budget ledger, in fen: tags bureau, fiscal_year, measure.</summary>
    public static readonly ObservableGauge<long> LedgerAvailable = Meter.CreateObservableGauge(
        "grants.ledger.available", ObserveLedgers, unit: "fen", description: "Amount still available per budget ledger");

    /// <summary>Events between the store's head and each async projection's checkpoint: tag projection.</summary>
    public static readonly ObservableGauge<long> ProjectionLag = Meter.CreateObservableGauge(
        "grants.projection.lag", ObserveProjections, unit: "{event}", description: "Events not yet applied per projection");

    /// <summary>Connects the ledger gauge to the ledgers (the projections register theirs at start-up).</summary>
    public static void Observe(ILedgerAvailability ledgers) => _ledgers = ledgers;

    /// <summary>Connects the projection lag gauge to the projection daemon.</summary>
    public static void Observe(IProjectionLag projections) => _projections = projections;

    private static IEnumerable<Measurement<long>> ObserveLedgers() =>
        _ledgers?.Snapshot().Select(l => new Measurement<long>(l.AvailableFen,
            new KeyValuePair<string, object?>("bureau", l.Bureau),
            new KeyValuePair<string, object?>("fiscal_year", l.FiscalYear),
            new KeyValuePair<string, object?>("measure", l.Measure))) ?? [];

    private static IEnumerable<Measurement<long>> ObserveProjections() =>
        _projections?.Snapshot().Select(p => new Measurement<long>(p.Lag,
            new KeyValuePair<string, object?>("projection", p.Projection))) ?? [];
}

/// <summary>A recent snapshot of every budget ledger's available amount. Called on the metrics export thread: it
/// must answer from memory, not query the database.</summary>
public interface ILedgerAvailability
{
    IReadOnlyList<LedgerAvailable> Snapshot();
}

public sealed record LedgerAvailable(string Bureau, int FiscalYear, string Measure, long AvailableFen);

/// <summary>A recent snapshot of each async projection's lag; answered from memory like <see cref="ILedgerAvailability"/>.</summary>
public interface IProjectionLag
{
    IReadOnlyList<ProjectionLagSample> Snapshot();
}

public sealed record ProjectionLagSample(string Projection, long Lag);
