using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Ledgers;
using Grants.EventStore;
using Grants.Projections.Tests.Support;

namespace Grants.Projections.Tests.Properties;

internal sealed partial class Office
{
    private static readonly long[] AppropriationYuan = [100_000, 300_000, 500_000];
    private static readonly long[] AdjustmentYuan = [200_000, -200_000, 500_000, -500_000];

    private async Task<IReadOnlyList<StoredEvent>?> Budget(Step step)
    {
        var line = Budgets[step.Pick % Budgets.Length].Line;
        var filed = step.Kind == StepKind.Appropriate
            ? await desk.File(new Appropriate(line, Lines.Yuan(AppropriationYuan[step.Size % AppropriationYuan.Length]), "追加安排", "黄财预〔2025〕2号", _today))
            : await desk.File(new AdjustAppropriation(line, Lines.Yuan(AdjustmentYuan[step.Size % AdjustmentYuan.Length]), "预算调整", "黄财预〔2025〕3号", _today));
        return filed.Events;
    }

    /// <summary>Appropriates the line, or adjusts it (a cut or a raise, as a bureau would) so that exactly
    /// <paramref name="available"/> is left on it: runs sharing the database all start from the same headroom.</summary>
    private async Task MakeAvailable(LedgerDatabase world, BudgetKey line, Money available)
    {
        var ledger = await SqlLedgers.Budget(world.Db, line);
        if (ledger == BudgetLedger.Empty)
            await desk.Appropriate(line, available);
        else if (ledger.Available != available)
            await desk.File(new AdjustAppropriation(line, available - ledger.Available, "年度预算调整", "黄财预〔2025〕4号", _today));
    }
}
