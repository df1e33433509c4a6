using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Ledgers;

internal static class LedgerTable
{
    public static Table Of(ListLedgersResponse response)
    {
        var table = new Table(
            new Column("BUREAU"), new Column("FY", Align.Right), new Column("MEASURE"),
            new Column("APPROPRIATED", Align.Right), new Column("COMMITTED", Align.Right), new Column("PAID", Align.Right),
            new Column("RECOVERED", Align.Right), new Column("AVAILABLE", Align.Right));
        foreach (var l in response.Ledgers)
            table.Add(Row(l.BureauCode, l.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture), l.MeasureId, l));
        if (response.Totals is { } totals && response.Ledgers.Count > 0)
            table.Totals(Row("TOTAL", "", "", totals));
        return table;
    }

    private static string[] Row(string bureau, string year, string measure, Ledger l) =>
    [
        bureau, year, measure, Yuan.Format(l.AppropriatedFen), Yuan.Format(l.CommittedFen), Yuan.Format(l.PaidFen),
        Yuan.Format(l.RecoveredFen), Yuan.Format(l.AvailableFen),
    ];
}
