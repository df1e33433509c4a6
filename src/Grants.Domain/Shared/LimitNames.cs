using Grants.Domain.Budgets;
using Grants.Domain.Catalog;

namespace Grants.Domain;

/// <summary>How limits are named in refusals. One place, so the domain and the SQL ledgers name a limit identically.</summary>
public static class LimitNames
{
    /// <summary>"HP-2024-3/18" → "HP-2024-3 art.18".</summary>
    public static string Article(MeasureId measure)
    {
        var slash = measure.Value.LastIndexOf('/');
        return slash < 0 ? measure.Value : $"{measure.Value[..slash]} art.{measure.Value[(slash + 1)..]}";
    }

    /// <summary>The cap on one award: "per-person cap" when the article says 每人, else "per-award cap".</summary>
    public static string AwardCap(MeasureId measure, bool perPerson) =>
        $"{Article(measure)} {(perPerson ? "per-person" : "per-award")} cap";

    /// <summary>The cumulative cap over the policy period, enforced by the beneficiary ledger.</summary>
    public static string CumulativeCap(MeasureId measure, bool perPerson) =>
        $"{Article(measure)} {(perPerson ? "per-person" : "per-beneficiary")} cap";

    public static string TierCap(MeasureId measure, Tier tier) => $"{Article(measure)} {tier.NameEn} cap";

    public static string Floor(MeasureId measure) => $"{Article(measure)} floor";

    public static string TierFloor(MeasureId measure, Tier tier) => $"{Article(measure)} {tier.NameEn} floor";

    /// <summary>"HP-IPO FY2025 HP-2024-3 art.1 appropriation".</summary>
    public static string Appropriation(BudgetKey key) => $"{key.Bureau.Value} FY{key.FiscalYear} {Article(key.Measure)} appropriation";

    /// <summary>The approved amount of one award, the ceiling for its disbursements.</summary>
    public static string Award(ApplicationId application) => $"{application.Value} award";

    /// <summary>What is instructed or paid on an award, the floor for cutting it.</summary>
    public static string Disbursed(ApplicationId application) => $"{application.Value} disbursed so far";

    /// <summary>What has been paid on an award, the ceiling for its clawbacks.</summary>
    public static string Paid(ApplicationId application) => $"{application.Value} paid";

    /// <summary>What is still owed on one clawback, the ceiling for its recoveries.</summary>
    public static string Clawback(ApplicationId application, ClawbackId clawback) => $"{application.Value} clawback {clawback.Value}";
}
