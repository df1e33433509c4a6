using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;

namespace Grants.Domain.Applications;

internal static class LedgerKeysFor
{
    /// <summary>Keys for a new award: the fiscal year is the calendar year of the approval date; the cumulative cap
    /// is carried only for measures capped per beneficiary over the policy period.</summary>
    public static LedgerKeys Award(Subject s, BureauCode payingBureau, DateOnly approvedOn) =>
        new(payingBureau, approvedOn.Year, s.Measure.Id, s.State.BeneficiaryKey, CumulativeCap(s, approvedOn), s.Measure.Limits.PerPerson);

    /// <summary>An amendment refreshes the cap, since a bureau may have reconfigured it since the approval.</summary>
    public static LedgerKeys Refreshed(Subject s, LedgerKeys keys, DateOnly amendedOn) => keys with { CumulativeCap = CumulativeCap(s, amendedOn) };

    private static Money? CumulativeCap(Subject s, DateOnly on) =>
        s.Measure.Limits.Scope == CapScope.PerBeneficiaryOverPolicyPeriod ? s.Catalog.EffectiveCap(s.Measure, on) : null;
}
