using Grants.Api.Tests.Catalog;
using Grants.Contracts.V1;

namespace Grants.Api.Tests.Budgets;

public static class BudgetRequests
{
    public static AppropriateRequest Appropriate(string bureau, int fiscalYear, string measure, long amountFen) => new()
    {
        RequestId = RegistryFixture.NewRequestId(),
        BureauCode = bureau,
        FiscalYear = fiscalYear,
        MeasureId = measure,
        AmountFen = amountFen,
        Reason = "黄财预〔2025〕12号 年度预算",
        Officer = new Officer { Id = "finance.chen", BureauCode = bureau },
        AppropriatedOn = new Date { Year = fiscalYear, Month = 1, Day = 15 },
    };

    public static AdjustAppropriationRequest Adjust(string bureau, int fiscalYear, string measure, long deltaFen) => new()
    {
        RequestId = RegistryFixture.NewRequestId(),
        BureauCode = bureau,
        FiscalYear = fiscalYear,
        MeasureId = measure,
        DeltaFen = deltaFen,
        Reason = "年中预算调整",
        Officer = new Officer { Id = "finance.chen", BureauCode = bureau },
        AdjustedOn = new Date { Year = fiscalYear, Month = 7, Day = 1 },
    };
}
