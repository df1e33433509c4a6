using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Grants.Domain;
using Grants.Domain.Applications;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;

namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>The domain's reference ledgers, folded with <see cref="LedgerBook.Apply"/> itself but on a book holding
/// only the rows the event names (its budget line, and its beneficiary for money events of an award): LedgerBook
/// moves no other row, and an immutable book of a million events' rows copied on every event would cost more than
/// the rest of the rebuild. Rows are kept under keys built once from shared text, not under each event's own copies.</summary>
internal sealed class ReferenceBook(SharedText text)
{
    private Dictionary<BudgetKey, BudgetLedger> _budgets = [];
    private Dictionary<BeneficiaryKey, BeneficiaryLedger> _beneficiaries = [];
    private Dictionary<string, MeasureId> _measures = new(StringComparer.Ordinal);

    public LedgerBook Book => new(_budgets.ToImmutableDictionary(), _beneficiaries.ToImmutableDictionary());

    public void Release() => (_budgets, _beneficiaries, _measures) = ([], [], new(StringComparer.Ordinal));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        var before = new LedgerBook(Slice(_budgets, budget), Slice(_beneficiaries, beneficiary));
        var after = before.Apply(e);
        foreach (var (key, ledger) in after.Budgets)
            _budgets[key] = ledger;
        foreach (var (key, ledger) in after.Beneficiaries)
        {
            if (_beneficiaries.ContainsKey(key))
                _beneficiaries[key] = ledger;
            else
                _beneficiaries.Add(new BeneficiaryKey(Measure(key.Measure), text.Of(key.Beneficiary)), ledger);
        }
    }

    private MeasureId Measure(MeasureId measure)
    {
        if (!_measures.TryGetValue(measure.Value, out var shared))
            _measures.Add(measure.Value, shared = measure);
        return shared;
    }

    private static ImmutableDictionary<TKey, TValue> Slice<TKey, TValue>(Dictionary<TKey, TValue> all, TKey? key)
        where TKey : class =>
        key is not null && all.TryGetValue(key, out var value)
            ? ImmutableDictionary<TKey, TValue>.Empty.Add(key, value)
            : ImmutableDictionary<TKey, TValue>.Empty;
}
