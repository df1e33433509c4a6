using System.Collections.Immutable;
using Grants.Domain.Applications;
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

    public LedgerBook Apply(IDomainEvent @event)
    {
        var book = BudgetMovedBy(@event) is { } budget
            ? this with { Budgets = Budgets.SetItem(budget, MoveBudget(@event, Budget(budget))) }
            : this;
        return BeneficiaryMovedBy(@event) is { } keys
            ? book with { Beneficiaries = book.Beneficiaries.SetItem(keys.Beneficiary, MoveBeneficiary(@event, book.Beneficiary(keys.Beneficiary))) }
            : book;
    }

    /// <summary>The budget line <paramref name="event"/> moves, or null when it moves none. The row-level steps below
    /// are public so a fold over millions of events (the audit's rebuild) can keep its rows in place and still use
    /// this arithmetic, not a copy of it.</summary>
    public static BudgetKey? BudgetMovedBy(IDomainEvent @event) => @event switch
    {
        AppropriationMade e => e.Budget,
        AppropriationAdjusted e => e.Budget,
        AwardApproved or AwardAmended or PaymentConfirmed or PaymentReturned or ClawbackRecovered => ((IMoneyEvent)@event).Ledger.Budget,
        _ => null,
    };

    /// <summary>Where the beneficiary row <paramref name="event"/> moves lies, or null when it moves none (clawbacks
    /// move no beneficiary row).</summary>
    public static LedgerKeys? BeneficiaryMovedBy(IDomainEvent @event) =>
        @event is AwardApproved or AwardAmended or PaymentConfirmed or PaymentReturned ? ((IMoneyEvent)@event).Ledger : null;

    /// <summary>The budget line after <paramref name="event"/>; unchanged for an event that does not move it.</summary>
    public static BudgetLedger MoveBudget(IDomainEvent @event, BudgetLedger b) => @event switch
    {
        AppropriationMade e => b with { Appropriated = b.Appropriated + e.Amount },
        AppropriationAdjusted e => b with { Appropriated = b.Appropriated + e.Delta },
        AwardApproved e => b with { Committed = b.Committed + e.Amount },
        AwardAmended e => b with { Committed = b.Committed + e.Delta },
        PaymentConfirmed e => b with { Committed = b.Committed - e.Amount, Paid = b.Paid + e.Amount },
        PaymentReturned e => b with { Paid = b.Paid - e.Amount, Committed = b.Committed + e.Amount },
        ClawbackRecovered e => b with { Recovered = b.Recovered + e.Amount },
        _ => b,
    };

    /// <summary>The beneficiary row after <paramref name="event"/>; unchanged for an event that does not move it.</summary>
    public static BeneficiaryLedger MoveBeneficiary(IDomainEvent @event, BeneficiaryLedger r) => @event switch
    {
        AwardApproved e => r with { Awarded = r.Awarded + e.Amount, Cap = e.Ledger.CumulativeCap ?? r.Cap },
        AwardAmended e => r with { Awarded = r.Awarded + e.Delta, Cap = e.Ledger.CumulativeCap ?? r.Cap },
        PaymentConfirmed e => r with { Paid = r.Paid + e.Amount },
        PaymentReturned e => r with { Paid = r.Paid - e.Amount },
        _ => r,
    };
}
