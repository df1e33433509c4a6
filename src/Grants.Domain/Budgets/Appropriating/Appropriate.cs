
namespace Grants.Domain.Budgets.Appropriating;

/// <summary>Put money on a budget line (预算安排), citing the budget document.</summary>
public sealed record Appropriate(
    BudgetKey Budget,
    Money Amount,
    string Reason,
    string DocumentReference,
    DateOnly AppropriatedOn) : IBudgetCommand;

/// <summary>Ledgers: <paramref name="Amount"/> is added to appropriated.</summary>
public sealed record AppropriationMade(
    BudgetKey Budget,
    Money Amount,
    string Reason,
    string DocumentReference,
    DateOnly AppropriatedOn) : IBudgetEvent
{
    public const string Name = "appropriation_made.v1";
}
