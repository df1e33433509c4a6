using Grants.Projections.Finance.Statements;

namespace Grants.Projections.Finance;

/// <summary>The stored names of the finance records. They are not domain events (no decider folds them); they
/// record what the bank said and what reconciliation made of it, in the same hash-chained history.</summary>
public static class FinanceEvents
{
    public static IReadOnlyList<(string Name, Type Type)> All { get; } =
    [
        (StatementLineReconciled.Name, typeof(StatementLineReconciled)),
        (ReconciliationItemResolved.Name, typeof(ReconciliationItemResolved)),
    ];
}
