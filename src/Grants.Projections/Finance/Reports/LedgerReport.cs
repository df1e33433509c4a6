using Grants.Projections.Finance.Statements;

namespace Grants.Projections.Finance.Reports;

/// <summary>The finance report as of one position of the history: every figure, the open items and the tie-out were
/// read in one snapshot in which that position was the last event.</summary>
/// <param name="RecordedAt">When the event at <paramref name="Position"/> was recorded; null for an empty history.</param>
public sealed record LedgerReport(
    IReadOnlyList<ReportRow> Rows,
    ReportFigures Totals,
    IReadOnlyList<ItemRow> OpenItems,
    long Position,
    DateTimeOffset? RecordedAt,
    TieOutResult TieOut);
