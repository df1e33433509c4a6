using System.Globalization;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Audit;

internal static class ReplayTables
{
    public static void Write(TextWriter output, string heading, GetLedgersAsOfResponse replayed)
    {
        output.WriteLine(heading);
        output.WriteLine($"{replayed.EventsReplayed:N0} money events replayed, through position {replayed.Position:N0} " +
                         $"(head now {replayed.HeadPosition:N0}); computed from the events, not the live tables.");
        output.WriteLine();
        Budgets(replayed).Write(output);
        output.WriteLine();
        Beneficiaries(replayed).Write(output);
    }

    private static Table Budgets(GetLedgersAsOfResponse replayed)
    {
        var table = new Table(
            new Column("BUREAU"), new Column("FY", Align.Right), new Column("MEASURE"),
            new Column("APPROPRIATED", Align.Right), new Column("COMMITTED", Align.Right), new Column("PAID", Align.Right),
            new Column("RECOVERED", Align.Right), new Column("AVAILABLE", Align.Right));
        foreach (var l in replayed.BudgetLedgers)
        {
            table.Add(l.BureauCode, l.FiscalYear.ToString(CultureInfo.InvariantCulture), l.MeasureId, Yuan.Format(l.AppropriatedFen),
                Yuan.Format(l.CommittedFen), Yuan.Format(l.PaidFen), Yuan.Format(l.RecoveredFen), Yuan.Format(l.AvailableFen));
        }
        if (replayed.BudgetLedgers.Count > 0)
        {
            var all = replayed.BudgetLedgers;
            table.Totals("TOTAL", "", "", Yuan.Format(all.Sum(l => l.AppropriatedFen)), Yuan.Format(all.Sum(l => l.CommittedFen)),
                Yuan.Format(all.Sum(l => l.PaidFen)), Yuan.Format(all.Sum(l => l.RecoveredFen)), Yuan.Format(all.Sum(l => l.AvailableFen)));
        }
        return table;
    }

    private static Table Beneficiaries(GetLedgersAsOfResponse replayed)
    {
        var table = new Table(
            new Column("MEASURE"), new Column("BENEFICIARY"), new Column("AWARDED", Align.Right), new Column("PAID", Align.Right),
            new Column("CAP", Align.Right), new Column("HEADROOM", Align.Right));
        foreach (var b in replayed.BeneficiaryLedgers)
        {
            table.Add(b.MeasureId, b.BeneficiaryKey, Yuan.Format(b.AwardedFen), Yuan.Format(b.PaidFen),
                Yuan.Format(b.HasCapFen ? b.CapFen : null), Yuan.Format(b.HasHeadroomFen ? b.HeadroomFen : null));
        }
        return table;
    }
}
