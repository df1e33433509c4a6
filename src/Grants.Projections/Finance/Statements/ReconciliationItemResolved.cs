namespace Grants.Projections.Finance.Statements;

/// <summary>A finance officer closed an open reconciliation item with a note saying what was done about it.</summary>
public sealed record ReconciliationItemResolved(string BankTransactionId, string Note, string ResolvedBy, DateOnly ResolvedOn)
{
    public const string Name = "reconciliation_item_resolved.v1";
}
