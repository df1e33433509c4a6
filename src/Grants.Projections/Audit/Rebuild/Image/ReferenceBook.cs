using System.Collections.Immutable;
using Grants.Domain;
using Grants.Domain.Applications;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Ledgers;

namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>The domain's reference ledgers, folded with <see cref="LedgerBook.Apply"/> itself but on a book holding
/// only the rows the event names (its budget line, and its beneficiary for money events of an award): LedgerBook
/// moves no other row, and an immutable book of a million events' rows copied on every event would cost more than
/// the rest of the rebuild. Each row is kept as the one-row dictionary the book's last move left it in, so the next
/// event that names it starts from that dictionary as it is.</summary>
internal sealed class ReferenceBook
{
    private readonly Dictionary<BudgetKey, ImmutableDictionary<BudgetKey, BudgetLedger>> _budgets = [];
    private readonly Dictionary<BeneficiaryKey, ImmutableDictionary<BeneficiaryKey, BeneficiaryLedger>> _beneficiaries = [];

    public LedgerBook Book => new(
        _budgets.Values.SelectMany(row => row).ToImmutableDictionary(),
        _beneficiaries.Values.SelectMany(row => row).ToImmutableDictionary());

    public void Apply(IDomainEvent e)
    {
        var (budget, beneficiary) = e switch
        {
            AppropriationMade made => (made.Budget, null),
            AppropriationAdjusted adjusted => (adjusted.Budget, null),
            IMoneyEvent money => (money.Ledger.Budget, money.Ledger.Beneficiary),
            _ => ((BudgetKey?)null, (BeneficiaryKey?)null),
        };
        if (budget is null)
            return;

        var after = new LedgerBook(Row(_budgets, budget), Row(_beneficiaries, beneficiary)).Apply(e);
        if (!after.Budgets.IsEmpty)
            _budgets[budget] = after.Budgets;
        if (beneficiary is not null && !after.Beneficiaries.IsEmpty)
            _beneficiaries[beneficiary] = after.Beneficiaries;
    }

    private static ImmutableDictionary<TKey, TValue> Row<TKey, TValue>(Dictionary<TKey, ImmutableDictionary<TKey, TValue>> all, TKey? key)
        where TKey : class =>
        key is not null && all.TryGetValue(key, out var row) ? row : ImmutableDictionary<TKey, TValue>.Empty;
}
