using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;

namespace Grants.Projections.Tests.Support;

/// <summary>The measures, bureaus and budget lines of file 000 (黄投促办规〔2024〕3号) these tests spend on.</summary>
internal static class Lines
{
    /// <summary>Art.1: up to 2000 万元 per award, paid by 区投促办.</summary>
    public static readonly MeasureId Art1 = new("HP-2024-3/1");

    /// <summary>Art.2: non-monetary (professional services coordination).</summary>
    public static readonly MeasureId Art2 = new("HP-2024-3/2");

    /// <summary>Art.18: talent awards, 每人不超过 100 万元 over the policy period, paid by 区投促办.</summary>
    public static readonly MeasureId Art18 = new("HP-2024-3/18");

    public static readonly BureauCode Ipo = new("HP-IPO");

    public static readonly BudgetKey Art1Fy2025 = new(Ipo, 2025, Art1);

    public static readonly BudgetKey Art18Fy2025 = new(Ipo, 2025, Art18);

    public static Money Yuan(long yuan) => Money.FromYuan(yuan);
}
