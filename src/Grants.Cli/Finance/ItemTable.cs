using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Finance;

internal static class ItemTable
{
    public static Table Of(IEnumerable<ReconciliationItem> items)
    {
        var table = new Table(new Column("BANK TXN"), new Column("VALUE DATE"), new Column("KIND"), new Column("STATUS"),
            new Column("AMOUNT", Align.Right), new Column("DIR"), new Column("REFERENCE"), new Column("BUREAU"), new Column("DETAIL"));
        foreach (var i in items)
            table.Add(i.BankTransactionId, Dates.Of(i.ValueDate), EnumNames.Of(i.Kind), EnumNames.Of(i.Status), Yuan.Format(i.AmountFen),
                EnumNames.Of(i.Direction), i.MatchedReference.Length > 0 ? i.MatchedReference : i.Reference, i.PayingBureau, Detail(i));
        return table;
    }

    private static string Detail(ReconciliationItem i) =>
        i.Resolution.Length > 0 ? $"{i.Detail}; resolved by {i.ResolvedBy}: {i.Resolution}" : i.Detail;
}
