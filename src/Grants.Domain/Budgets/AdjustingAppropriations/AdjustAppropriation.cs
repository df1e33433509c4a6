
namespace Grants.Domain.Budgets.AdjustingAppropriations;

/// <summary>Raise or cut a budget line (预算调整) by a signed <paramref name="Delta"/>; it cannot go below zero. Whether it
/// still covers what is committed and paid is checked by the budget ledger in the database.</summary>
public sealed record AdjustAppropriation(
    BudgetKey Budget,
    Money Delta,
    string Reason,
    string DocumentReference,
    DateOnly AdjustedOn) : IBudgetCommand;

/// <summary>Ledgers: <paramref name="Delta"/> (signed) is added to appropriated.</summary>
public sealed record AppropriationAdjusted(
    BudgetKey Budget,
    Money Delta,
    Money NewAppropriated,
    string Reason,
    string DocumentReference,
    DateOnly AdjustedOn) : IBudgetEvent
{
    public const string Name = "appropriation_adjusted.v1";
}
