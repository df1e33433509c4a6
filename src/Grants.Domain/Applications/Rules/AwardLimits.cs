using Grants.Domain.Catalog;

namespace Grants.Domain.Applications;

/// <summary>The limits one amount must meet on its own: no money under a non-monetary measure, more than zero, at most
/// the per-award cap (catalog cap, or the cap configured under a bureau rule) and the tier cap, at least the floor or
/// the tier floor (art.19: 不低于 20 万元 municipal, 10 万元 district). Cumulative caps and budgets are the ledgers' job.</summary>
internal static class AwardLimits
{
    /// <param name="capMustBeKnown">True for approvals and amendments: money cannot be awarded under a bureau-rule
    /// measure until its cap is configured. Submissions may come before the rule.</param>
    public static DomainError? Check(Measure measure, Tier? tier, PolicyCatalog catalog, Money amount, DateOnly on, string field, bool capMustBeKnown)
    {
        if (!measure.IsMonetary)
            return amount == Money.Zero
                ? null
                : DomainError.Invalid(ErrorCodes.AmountNotAllowed, field,
                    $"{LimitNames.Article(measure.Id)} is non-monetary and accepts no amount");
        if (Rules.Positive(amount, field) is { } notPositive)
            return notPositive;

        // A bureau's configured cap applies from its effective date, so the act's own date picks it.
        var cap = catalog.EffectiveCap(measure, on);
        if (cap is null && measure.Limits.CapSetByBureauRule && capMustBeKnown)
            return new DomainError(ErrorCodes.CapNotConfigured,
                $"{LimitNames.Article(measure.Id)} has its cap set by bureau rule and none is configured for {Rules.Iso(on)}", field);
        if (cap is { } c && amount > c)
            return DomainError.Breach(ErrorCodes.CapExceeded,
                LimitBreach.Ceiling(LimitNames.AwardCap(measure.Id, measure.Limits.PerPerson), c, Money.Zero, amount), field);
        if (tier?.Cap is { } tierCap && amount > tierCap)
            return DomainError.Breach(ErrorCodes.CapExceeded,
                LimitBreach.Ceiling(LimitNames.TierCap(measure.Id, tier), tierCap, Money.Zero, amount), field);

        if (tier is not null && amount < tier.Floor)
            return DomainError.Breach(ErrorCodes.BelowFloor, LimitBreach.Floor(LimitNames.TierFloor(measure.Id, tier), tier.Floor, amount), field);
        if (measure.Limits.Floor is { } floor && amount < floor)
            return DomainError.Breach(ErrorCodes.BelowFloor, LimitBreach.Floor(LimitNames.Floor(measure.Id), floor, amount), field);
        return null;
    }
}
