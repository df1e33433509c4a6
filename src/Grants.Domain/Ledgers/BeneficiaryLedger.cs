namespace Grants.Domain.Ledgers;

/// <summary>What one beneficiary has under one measure, across all applications, employers and fiscal years of the
/// policy period: the row that enforces cumulative caps such as art.18 每人不超过 100 万元. Arithmetic (the SQL
/// ledger must agree):
/// <list type="bullet">
/// <item>award_approved.v1: Awarded += Amount; Cap := Ledger.CumulativeCap when that is not null.</item>
/// <item>award_amended.v1: Awarded += Delta (signed); Cap := Ledger.CumulativeCap when that is not null.</item>
/// <item>payment_confirmed.v1: Paid += Amount. payment_returned.v1: Paid −= Amount.</item>
/// <item>Every other event, including clawbacks: nothing. A recovered clawback does not reopen headroom; only
/// cutting the award (an amendment) does.</item>
/// </list>
/// Cap is null for measures capped per award only; the row still exists so officers see the beneficiary's total.</summary>
public sealed record BeneficiaryLedger(Money Awarded, Money Paid, Money? Cap)
{
    public static readonly BeneficiaryLedger Empty = new(Money.Zero, Money.Zero, null);

    /// <summary>Cap − Awarded, or null when there is no cumulative cap.</summary>
    public Money? Headroom => Cap is { } cap ? cap - Awarded : null;

    /// <summary>The cumulative-cap check the database makes when awarding <paramref name="requested"/> more: null when
    /// it fits, else the breach, e.g. "HP-2024-3 art.18 per-person cap 1,000,000.00 yuan: already awarded 700,000.00,
    /// requested 400,000.00, headroom 300,000.00".</summary>
    public LimitBreach? CheckAward(BeneficiaryKey key, bool perPerson, Money requested) =>
        Cap is { } cap && Awarded + requested > cap
            ? LimitBreach.Ceiling(LimitNames.CumulativeCap(key.Measure, perPerson), cap, Awarded, requested)
            : null;
}
