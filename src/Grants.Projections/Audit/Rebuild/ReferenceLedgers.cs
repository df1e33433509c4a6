using System.Globalization;
using Grants.Domain;
using Grants.Domain.Ledgers;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>The live budget and beneficiary ledgers against the domain's reference arithmetic (<see cref="LedgerBook"/>):
/// a second, independent computation of the same money, so an error shared by the projection code and its replay
/// still shows.</summary>
public static class ReferenceLedgers
{
    public const string BudgetTable = "budget_ledgers";
    public const string BeneficiaryTable = "beneficiary_ledgers";

    public static IEnumerable<Difference> Compare(LedgerBook book, TableRows? liveBudgets, TableRows? liveBeneficiaries)
    {
        var budgets = book.Budgets.ToDictionary(
            b => $"{b.Key.Bureau.Value}|{b.Key.FiscalYear}|{b.Key.Measure.Value}",
            b => Columns(("appropriated_fen", b.Value.Appropriated), ("committed_fen", b.Value.Committed),
                         ("paid_fen", b.Value.Paid), ("recovered_fen", b.Value.Recovered)),
            StringComparer.Ordinal);
        var beneficiaries = book.Beneficiaries.ToDictionary(
            b => $"{b.Key.Measure.Value}|{b.Key.Beneficiary}",
            b => Columns(("awarded_fen", b.Value.Awarded), ("paid_fen", b.Value.Paid), ("cap_fen", b.Value.Cap)),
            StringComparer.Ordinal);
        return Compare(BudgetTable, budgets, liveBudgets).Concat(Compare(BeneficiaryTable, beneficiaries, liveBeneficiaries));
    }

    private static IEnumerable<Difference> Compare(string table, Dictionary<string, Dictionary<string, string>> reference, TableRows? live)
    {
        var liveKeys = live?.Keys ?? [];
        foreach (var key in liveKeys.Union(reference.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var liveRow = live?[key] is [var only] ? only : null;
            if (!reference.TryGetValue(key, out var expected))
            {
                yield return new Difference(Difference.Reference, table, key, null, liveRow is null ? null : TableDiff.Row(liveRow), null);
                continue;
            }
            if (liveRow is null)
            {
                yield return new Difference(Difference.Reference, table, key, null, null, TableDiff.Row(expected));
                continue;
            }
            foreach (var (column, value) in expected.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var actual = liveRow.GetValueOrDefault(column);
                if (!string.Equals(actual, value, StringComparison.Ordinal))
                    yield return new Difference(Difference.Reference, table, key, column, actual, value);
            }
        }
    }

    private static Dictionary<string, string> Columns(params (string Name, Money? Value)[] columns) =>
        columns.ToDictionary(c => c.Name, c => c.Value is { } money ? money.Fen.ToString(CultureInfo.InvariantCulture) : "null",
            StringComparer.Ordinal);
}
