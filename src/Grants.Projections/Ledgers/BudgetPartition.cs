using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.EventStore;

namespace Grants.Projections.Ledgers;

/// <summary>Which group-commit writer an append goes to: the budget line it moves (its stream id), else its first
/// stream. Appends that move one line then queue in one writer, which holds that line for a whole batch, instead of
/// two writers' batches waiting on each other's lines.</summary>
public static class BudgetPartition
{
    public static string Of(IReadOnlyList<StreamAppend> appends) => LineOf(appends)?.StreamId ?? appends[0].StreamId;

    /// <summary>The first budget line the appends move; null when none does.</summary>
    internal static BudgetKey? LineOf(IReadOnlyList<StreamAppend> appends)
    {
        foreach (var append in appends)
        {
            foreach (var e in append.Events)
            {
                if (LineOf(e) is { } line)
                    return line;
            }
        }
        return null;
    }

    private static BudgetKey? LineOf(object e) => e switch
    {
        AwardApproved a => a.Ledger.Budget,
        AwardAmended a => a.Ledger.Budget,
        PaymentConfirmed p => p.Ledger.Budget,
        PaymentReturned p => p.Ledger.Budget,
        ClawbackRecovered c => c.Ledger.Budget,
        AppropriationMade m => m.Budget,
        AppropriationAdjusted a => a.Budget,
        _ => null,
    };
}
