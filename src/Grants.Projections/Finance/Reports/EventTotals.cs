using Grants.Domain;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.OrderingClawbacks;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.WritingOffClawbacks;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Ledgers;

namespace Grants.Projections.Finance.Reports;

/// <summary>The report's figures recomputed from the events alone, independently of every table: the budget columns
/// by the reference <see cref="LedgerBook"/>, instructed and receivable by their own fold.</summary>
internal sealed class EventTotals
{
    /// <summary>The stored names of every event that moves a figure of the report.</summary>
    public static readonly IReadOnlyList<string> EventTypes =
    [
        AppropriationMade.Name, AppropriationAdjusted.Name, AwardApproved.Name, AwardAmended.Name, TrancheInstructed.Name,
        PaymentConfirmed.Name, PaymentReturned.Name, ClawbackOrdered.Name, ClawbackRecovered.Name, ClawbackWrittenOff.Name,
    ];

    private readonly Dictionary<BudgetKey, Money> _instructed = [];
    private readonly Dictionary<BudgetKey, Money> _receivable = [];
    private LedgerBook _book = LedgerBook.Empty;

    public long EventsRead { get; private set; }

    public void Apply(object data)
    {
        EventsRead++;
        if (data is IDomainEvent domainEvent)
            _book = _book.Apply(domainEvent);
        switch (data)
        {
            case TrancheInstructed e:
                Add(_instructed, e.Ledger.Budget, e.Amount);
                break;
            // A returned tranche was confirmed first, so it left "instructed" then and does not come back to it.
            case PaymentConfirmed e:
                Add(_instructed, e.Ledger.Budget, -e.Amount);
                break;
            case ClawbackOrdered e:
                Add(_receivable, e.Ledger.Budget, e.Amount);
                break;
            case ClawbackRecovered e:
                Add(_receivable, e.Ledger.Budget, -e.Amount);
                break;
            case ClawbackWrittenOff e:
                Add(_receivable, e.Ledger.Budget, -e.Amount);
                break;
        }
    }

    public IReadOnlyDictionary<BudgetLine, ReportFigures> Figures()
    {
        var keys = _book.Budgets.Keys.Union(_instructed.Keys).Union(_receivable.Keys);
        return keys.ToDictionary(
            k => new BudgetLine(k.Bureau.Value, k.FiscalYear, k.Measure.Value),
            k =>
            {
                var b = _book.Budget(k);
                return new ReportFigures(b.Appropriated, b.Committed, _instructed.GetValueOrDefault(k), b.Paid, b.Recovered,
                    _receivable.GetValueOrDefault(k));
            });
    }

    private static void Add(Dictionary<BudgetKey, Money> sums, BudgetKey key, Money amount) =>
        sums[key] = sums.GetValueOrDefault(key) + amount;
}
