using System.Collections.Immutable;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;

namespace Grants.Domain.Ledgers;

/// <summary>The reference model of the ledgers: folds domain events, in their global order, into budget ledgers keyed
/// by (bureau, fiscal year, measure) and beneficiary ledgers keyed by (measure, beneficiary). The arithmetic is on
/// <see cref="BudgetLedger"/> and <see cref="BeneficiaryLedger"/>. A row appears when the first event that moves one
/// of its columns arrives (even with a zero amount, e.g. a non-monetary approval); events that move nothing create
/// nothing. Pure; the SQL ledgers are tested against it.</summary>
public sealed record LedgerBook(
    ImmutableDictionary<BudgetKey, BudgetLedger> Budgets,
    ImmutableDictionary<BeneficiaryKey, BeneficiaryLedger> Beneficiaries)
{
    public static readonly LedgerBook Empty = new(
        ImmutableDictionary<BudgetKey, BudgetLedger>.Empty,
        ImmutableDictionary<BeneficiaryKey, BeneficiaryLedger>.Empty);

    public static LedgerBook Replay(IEnumerable<IDomainEvent> events) => events.Aggregate(Empty, (book, e) => book.Apply(e));

    public BudgetLedger Budget(BudgetKey key) => Budgets.GetValueOrDefault(key, BudgetLedger.Empty);

    public BeneficiaryLedger Beneficiary(BeneficiaryKey key) => Beneficiaries.GetValueOrDefault(key, BeneficiaryLedger.Empty);

    public LedgerBook Apply(IDomainEvent @event) => @event switch
    {
        AppropriationMade e => OnBudget(e.Budget, b => b with { Appropriated = b.Appropriated + e.Amount }),
        AppropriationAdjusted e => OnBudget(e.Budget, b => b with { Appropriated = b.Appropriated + e.Delta }),
        AwardApproved e => OnBudget(e.Ledger.Budget, b => b with { Committed = b.Committed + e.Amount })
            .OnBeneficiary(e.Ledger, r => r with { Awarded = r.Awarded + e.Amount, Cap = e.Ledger.CumulativeCap ?? r.Cap }),
        AwardAmended e => OnBudget(e.Ledger.Budget, b => b with { Committed = b.Committed + e.Delta })
            .OnBeneficiary(e.Ledger, r => r with { Awarded = r.Awarded + e.Delta, Cap = e.Ledger.CumulativeCap ?? r.Cap }),
        PaymentConfirmed e => OnBudget(e.Ledger.Budget, b => b with { Committed = b.Committed - e.Amount, Paid = b.Paid + e.Amount })
            .OnBeneficiary(e.Ledger, r => r with { Paid = r.Paid + e.Amount }),
        PaymentReturned e => OnBudget(e.Ledger.Budget, b => b with { Paid = b.Paid - e.Amount, Committed = b.Committed + e.Amount })
            .OnBeneficiary(e.Ledger, r => r with { Paid = r.Paid - e.Amount }),
        ClawbackRecovered e => OnBudget(e.Ledger.Budget, b => b with { Recovered = b.Recovered + e.Amount }),
        _ => this,
    };

    private LedgerBook OnBudget(BudgetKey key, Func<BudgetLedger, BudgetLedger> change) =>
        this with { Budgets = Budgets.SetItem(key, change(Budget(key))) };

    private LedgerBook OnBeneficiary(LedgerKeys keys, Func<BeneficiaryLedger, BeneficiaryLedger> change) =>
        this with { Beneficiaries = Beneficiaries.SetItem(keys.Beneficiary, change(Beneficiary(keys.Beneficiary))) };
}
