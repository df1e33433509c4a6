using Grants.Domain;

namespace Grants.Projections.Finance.Reports;

/// <summary>A budget line of the report: paying bureau, fiscal year, measure.</summary>
public sealed record BudgetLine(string Bureau, int FiscalYear, string MeasureId);

/// <summary>The money on one budget line. Stored figures are sums of events; <see cref="Outstanding"/> and
/// <see cref="Available"/> are derived, never stored, so they cannot disagree with the figures they come from.</summary>
/// <param name="Committed">Approved and not yet paid; includes what is instructed.</param>
/// <param name="Instructed">Of committed: sent to the treasury and not yet confirmed.</param>
/// <param name="Receivable">Clawbacks ordered and neither recovered nor written off.</param>
public sealed record ReportFigures(Money Appropriated, Money Committed, Money Instructed, Money Paid, Money Recovered, Money Receivable)
{
    public static readonly ReportFigures Zero = new(Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);

    /// <summary>Committed but not yet instructed: what the bureau still has to send to the treasury.</summary>
    public Money Outstanding => Committed - Instructed;

    public Money Available => Appropriated - Committed - Paid;

    public ReportFigures Plus(ReportFigures o) => new(Appropriated + o.Appropriated, Committed + o.Committed,
        Instructed + o.Instructed, Paid + o.Paid, Recovered + o.Recovered, Receivable + o.Receivable);

    /// <summary>The figures the tie-out compares, by the column names the report prints.</summary>
    public IEnumerable<(string Column, Money Value)> Columns() =>
    [
        ("appropriated", Appropriated), ("committed", Committed), ("instructed", Instructed), ("paid", Paid),
        ("recovered", Recovered), ("receivable", Receivable),
    ];
}

public sealed record ReportRow(BudgetLine Line, ReportFigures Figures);

/// <summary>Optional filters; <paramref name="Bureaus"/> is the caller's reach (null: everywhere).</summary>
public sealed record ReportFilter(int? FiscalYear = null, string? Bureau = null, IReadOnlyCollection<string>? Bureaus = null)
{
    public bool Covers(BudgetLine line) =>
        (FiscalYear is null || line.FiscalYear == FiscalYear) && (Bureau is null || line.Bureau == Bureau)
        && (Bureaus is null || Bureaus.Contains(line.Bureau));
}
