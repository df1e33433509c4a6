using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;

namespace Grants.Projections.Queries;

/// <summary>One budget line as grants.budget_ledgers holds it.</summary>
public sealed record BudgetLedgerRow(BudgetKey Key, Money Appropriated, Money Committed, Money Paid, Money Recovered, DateTimeOffset UpdatedAt)
{
    /// <summary>What approvals may still commit; recovered money goes back to the treasury, not to the line.</summary>
    public Money Available => Appropriated - Committed - Paid;
}

/// <summary>Which budget lines a listing covers. <paramref name="WithinBureaus"/> is the caller's reach: null for an
/// unrestricted caller, else only lines of these bureaus (possibly none).</summary>
public sealed record LedgerFilter(BureauCode? Bureau, int? FiscalYear, MeasureId? Measure, IReadOnlyCollection<BureauCode>? WithinBureaus);

/// <summary>The last line of a page; the next page starts after it in (bureau, fiscal year, measure) order.</summary>
public sealed record LedgerCursor(string Bureau, int FiscalYear, string Measure);

/// <summary>Sums over every line a filter matches (all pages). <see cref="UpdatedAt"/> is the latest change, null
/// when nothing matched.</summary>
public sealed record LedgerTotals(int Lines, Money Appropriated, Money Committed, Money Paid, Money Recovered, DateTimeOffset? UpdatedAt)
{
    public Money Available => Appropriated - Committed - Paid;
}

/// <summary>What one beneficiary has under one measure: the cumulative-cap row plus what the award rows add
/// (recoveries and which applications count).</summary>
public sealed record BeneficiaryTotals(Money Awarded, Money Paid, Money Recovered, Money? CapAtLastAward, IReadOnlyList<string> ApplicationIds)
{
    public static readonly BeneficiaryTotals None = new(Money.Zero, Money.Zero, Money.Zero, null, []);
}
