using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;

namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>The domain's reference ledgers, folded with <see cref="LedgerBook"/>'s own row steps (the same arithmetic
/// as <see cref="LedgerBook.Apply"/>) on rows kept in place: an immutable book, even one sliced to the event's rows,
/// cost a quarter of the fold and most of its garbage. Rows are kept under keys built once from shared text, not under
/// each event's own copies.</summary>
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
        if (LedgerBook.BudgetMovedBy(e) is { } budget)
        {
            ref var line = ref CollectionsMarshal.GetValueRefOrAddDefault(_budgets, budget, out _);
            line = LedgerBook.MoveBudget(e, line ?? BudgetLedger.Empty);
        }
        if (LedgerBook.BeneficiaryMovedBy(e) is not { } keys)
            return;
        var beneficiary = keys.Beneficiary;
        ref var row = ref CollectionsMarshal.GetValueRefOrNullRef(_beneficiaries, beneficiary);
        if (Unsafe.IsNullRef(ref row))
            _beneficiaries.Add(new BeneficiaryKey(Measure(keys.Measure), text.Of(keys.BeneficiaryKey)),
                               LedgerBook.MoveBeneficiary(e, BeneficiaryLedger.Empty));
        else
            row = LedgerBook.MoveBeneficiary(e, row);
    }

    private MeasureId Measure(MeasureId measure)
    {
        if (!_measures.TryGetValue(measure.Value, out var shared))
            _measures.Add(measure.Value, shared = measure);
        return shared;
    }
}
