using Grants.Contracts.V1;

namespace Grants.Cli.Demo;

/// <summary>Money for the awards: each ledger (paying bureau, fiscal year, measure) opens with an annual
/// appropriation, and each award brings a supplementary appropriation of its own amount. Both depend only on the
/// case, never on how many applications the run has, so re-running replays them instead of appropriating twice.</summary>
internal sealed class DemoBudgets(BudgetService.BudgetServiceClient budgets, RequestIds ids)
{
    /// <summary>5,000,000 yuan a ledger: room left for approvals after the demo.</summary>
    public const long OpeningFen = 500_000_000;

    private readonly HashSet<(string, int, string)> _opened = [];

    public async Task Fund(DemoCase c, int fiscalYear, DateOnly on)
    {
        var bureau = c.Measure.PayingBureau;
        if (_opened.Add((bureau, fiscalYear, c.Measure.Id)))
        {
            // Whichever case opens the ledger, the opening reads the same: the year's budget, decided on 1 January.
            await Appropriate(ids.OpeningBudget(bureau, fiscalYear, c.Measure.Id), c, fiscalYear, OpeningFen,
                new DateOnly(fiscalYear, 1, 1), Officers.Finance(bureau, 0), $"{fiscalYear} 年度金融科技专项资金预算安排（演示数据）");
        }
        await Appropriate(ids.Application(c.Index, "budget"), c, fiscalYear, c.AwardFen, on, c.FinanceOfficer,
            $"追加预算：演示申请 {c.Index} 的奖励资金（演示数据）");
    }

    private Task Appropriate(string requestId, DemoCase c, int fiscalYear, long amountFen, DateOnly on,
        string officer, string reason) =>
        budgets.AppropriateAsync(new AppropriateRequest
        {
            RequestId = requestId,
            BureauCode = c.Measure.PayingBureau,
            FiscalYear = fiscalYear,
            MeasureId = c.Measure.Id,
            AmountFen = amountFen,
            Reason = reason,
            Officer = new Officer { Id = officer, BureauCode = c.Measure.PayingBureau },
            AppropriatedOn = Date.FromDateOnly(on),
        }).ResponseAsync;
}
