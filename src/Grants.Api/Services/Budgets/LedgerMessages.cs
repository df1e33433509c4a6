using Google.Protobuf.WellKnownTypes;
using Grants.Projections.Queries;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Budgets;

/// <summary>Ledger rows as the wire shows them.</summary>
public static class LedgerMessages
{
    public static V1.Ledger ToMessage(this BudgetLedgerRow row) => new()
    {
        BureauCode = row.Key.Bureau.Value,
        FiscalYear = row.Key.FiscalYear,
        MeasureId = row.Key.Measure.Value,
        AppropriatedFen = row.Appropriated.Fen,
        CommittedFen = row.Committed.Fen,
        PaidFen = row.Paid.Fen,
        RecoveredFen = row.Recovered.Fen,
        AvailableFen = row.Available.Fen,
        UpdatedAt = Timestamp.FromDateTimeOffset(row.UpdatedAt),
    };

    /// <summary>Totals carry the filter's own values in the key fields (empty or 0 where it did not filter).</summary>
    public static V1.Ledger ToMessage(this LedgerTotals totals, LedgerFilter filter) => new()
    {
        BureauCode = filter.Bureau?.Value ?? "",
        FiscalYear = filter.FiscalYear ?? 0,
        MeasureId = filter.Measure?.Value ?? "",
        AppropriatedFen = totals.Appropriated.Fen,
        CommittedFen = totals.Committed.Fen,
        PaidFen = totals.Paid.Fen,
        RecoveredFen = totals.Recovered.Fen,
        AvailableFen = totals.Available.Fen,
        UpdatedAt = totals.UpdatedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };
}
