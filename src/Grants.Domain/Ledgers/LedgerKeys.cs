using System.Text.Json.Serialization;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;

namespace Grants.Domain.Ledgers;

/// <summary>Where a money-moving event lands in the ledgers, carried inside the event so projections need no lookups.
/// Copied from the award at approval (and refreshed by amendments), so every later event of the award lands on the
/// same rows even if the catalog changes meanwhile.</summary>
/// <param name="PayingBureau">The bureau whose appropriation pays the award.</param>
/// <param name="FiscalYear">Calendar year of the approval date; payments in later years still count against it.</param>
/// <param name="BeneficiaryKey">Enterprise: its 统一社会信用代码; person: the keyed hash of the ID number.</param>
/// <param name="CumulativeCap">For measures capped per beneficiary over the policy period (e.g. art.18 每人不超过
/// 100 万元): the cap in force when the event was decided; null for measures capped per award only.</param>
/// <param name="PerPerson">True when the article says 每人; it decides how the cap is named in refusals.</param>
public sealed record LedgerKeys(
    BureauCode PayingBureau,
    int FiscalYear,
    MeasureId Measure,
    string BeneficiaryKey,
    Money? CumulativeCap,
    bool PerPerson)
{
    [JsonIgnore]
    public BudgetKey Budget => new(PayingBureau, FiscalYear, Measure);

    [JsonIgnore]
    public BeneficiaryKey Beneficiary => new(Measure, BeneficiaryKey);
}

/// <summary>Key of a <see cref="BeneficiaryLedger"/>: one beneficiary under one measure.</summary>
public sealed record BeneficiaryKey(MeasureId Measure, string Beneficiary)
{
    public override string ToString() => $"{Measure.Value}:{Beneficiary}";
}
