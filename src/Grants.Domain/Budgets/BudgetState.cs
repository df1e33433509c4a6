namespace Grants.Domain.Budgets;

/// <summary>A budget line as its own stream knows it: only the appropriation. Committed and paid come from award
/// events and live in the <see cref="Ledgers.BudgetLedger"/>.</summary>
public sealed record BudgetState(BudgetKey? Key, Money Appropriated)
{
    public static readonly BudgetState Initial = new(null, Money.Zero);

    public bool Exists => Key is not null;
}
