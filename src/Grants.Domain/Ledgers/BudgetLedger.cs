namespace Grants.Domain.Ledgers;

/// <summary>The money on one budget line (bureau, fiscal year, measure). All columns are sums of event amounts in fen;
/// the SQL ledger must compute exactly the same:
/// <list type="bullet">
/// <item>appropriation_made.v1: Appropriated += Amount; appropriation_adjusted.v1: Appropriated += Delta (signed).</item>
/// <item>award_approved.v1: Committed += Amount. award_amended.v1: Committed += Delta (signed).</item>
/// <item>tranche_instructed.v1: nothing (instructed money stays committed until the treasury confirms).</item>
/// <item>payment_confirmed.v1: Committed −= Amount, Paid += Amount. payment_returned.v1: Paid −= Amount, Committed += Amount.</item>
/// <item>clawback_recovered.v1 (repaid or offset): Recovered += Amount. Paid is not reduced.</item>
/// <item>clawback_ordered.v1, clawback_written_off.v1, application_closed.v1 and every other event: nothing.</item>
/// </list>
/// Withdrawal and rejection are only possible before approval, so they never release a commitment.</summary>
public sealed record BudgetLedger(Money Appropriated, Money Committed, Money Paid, Money Recovered)
{
    public static readonly BudgetLedger Empty = new(Money.Zero, Money.Zero, Money.Zero, Money.Zero);

    /// <summary>Appropriated − Committed − Paid. Recovered money is not re-spendable on the line: it goes back to the
    /// treasury, and re-appropriating it is a budget decision (an adjustment).</summary>
    public Money Available => Appropriated - Committed - Paid;

    /// <summary>The budget check the database makes when committing <paramref name="requested"/> more (approval or
    /// a raised amendment): null when it fits, else the breach to report.</summary>
    public LimitBreach? CheckCommit(Budgets.BudgetKey key, Money requested) =>
        requested > Available
            ? LimitBreach.Ceiling(LimitNames.Appropriation(key), Appropriated, Committed + Paid, requested, "committed or paid")
            : null;
}
