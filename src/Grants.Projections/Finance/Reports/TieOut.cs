using Grants.Domain;

namespace Grants.Projections.Finance.Reports;

/// <summary>One figure of the report that the events do not confirm.</summary>
public sealed record TieOutDifference(BudgetLine Line, string Column, Money Report, Money Events);

/// <summary>The result of recomputing every figure from the events up to the report's position.</summary>
public sealed record TieOutResult(long EventsRead, IReadOnlyList<TieOutDifference> Differences)
{
    public bool Ok => Differences.Count == 0;

    /// <summary>Compares line by line; a line missing on one side counts as all zeros there (a ledger row may exist
    /// for a non-monetary award that moved nothing).</summary>
    public static TieOutResult Compare(IReadOnlyList<ReportRow> report, IReadOnlyDictionary<BudgetLine, ReportFigures> events,
                                       ReportFilter filter, long eventsRead)
    {
        var reported = report.ToDictionary(r => r.Line, r => r.Figures);
        var lines = reported.Keys.Union(events.Keys.Where(filter.Covers))
            .OrderBy(l => l.Bureau, StringComparer.Ordinal).ThenBy(l => l.FiscalYear).ThenBy(l => l.MeasureId, StringComparer.Ordinal);
        var differences = new List<TieOutDifference>();
        foreach (var line in lines)
        {
            var ours = reported.GetValueOrDefault(line, ReportFigures.Zero).Columns();
            var theirs = events.GetValueOrDefault(line, ReportFigures.Zero).Columns();
            differences.AddRange(ours.Zip(theirs)
                .Where(pair => pair.First.Value != pair.Second.Value)
                .Select(pair => new TieOutDifference(line, pair.First.Column, pair.First.Value, pair.Second.Value)));
        }
        return new TieOutResult(eventsRead, differences);
    }
}
