using System.Text.Json.Serialization;
using Grants.Domain.Catalog;

namespace Grants.Domain.Budgets;

/// <summary>One appropriation line: a bureau's money for one measure in one fiscal (calendar) year.</summary>
public sealed record BudgetKey(BureauCode Bureau, int FiscalYear, MeasureId Measure)
{
    /// <summary>"budget-{bureau}-{fy}-{measure}", e.g. "budget-HP-IPO-2025-HP-2024-3/1".</summary>
    [JsonIgnore]
    public string StreamId => StreamIds.Budget(this);

    public override string ToString() => $"{Bureau.Value} FY{FiscalYear} {Measure.Value}";
}
