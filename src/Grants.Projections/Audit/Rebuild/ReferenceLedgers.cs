using System.Globalization;
using Grants.Domain.Ledgers;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>The live budget and beneficiary ledgers against the domain's reference arithmetic (<see cref="LedgerBook"/>):
/// a second, independent computation of the same money, so an error shared by the projection code and its rebuild
/// still shows.</summary>
public static class ReferenceLedgers
{
    public const string BudgetTable = "budget_ledgers";
    public const string BeneficiaryTable = "beneficiary_ledgers";

    public static IEnumerable<Difference> Compare(LedgerBook book, LiveLedgers live)
    {
        var budgets = book.Budgets.ToDictionary(
            b => $"{b.Key.Bureau.Value}|{b.Key.FiscalYear}|{b.Key.Measure.Value}",
            b => new long?[] { b.Value.Appropriated.Fen, b.Value.Committed.Fen, b.Value.Paid.Fen, b.Value.Recovered.Fen },
            StringComparer.Ordinal);
        var beneficiaries = book.Beneficiaries.ToDictionary(
            b => $"{b.Key.Measure.Value}|{b.Key.Beneficiary}",
            b => new long?[] { b.Value.Awarded.Fen, b.Value.Paid.Fen, b.Value.Cap?.Fen },
            StringComparer.Ordinal);
        return Compare(BudgetTable, LiveLedgers.BudgetColumns, budgets, live.Budgets)
            .Concat(Compare(BeneficiaryTable, LiveLedgers.BeneficiaryColumns, beneficiaries, live.Beneficiaries));
    }

    private static IEnumerable<Difference> Compare(string table, IReadOnlyList<string> columns, Dictionary<string, long?[]> reference,
                                                   IReadOnlyDictionary<string, long?[]> live)
    {
        foreach (var key in live.Keys.Union(reference.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var (actual, expected) = (live.GetValueOrDefault(key), reference.GetValueOrDefault(key));
            if (actual is null || expected is null)
            {
                yield return new Difference(Difference.Reference, table, key, null, Row(columns, actual), Row(columns, expected));
                continue;
            }
            for (var i = 0; i < columns.Count; i++)
            {
                if (actual[i] != expected[i])
                    yield return new Difference(Difference.Reference, table, key, columns[i], Value(actual[i]), Value(expected[i]));
            }
        }
    }

    private static string? Row(IReadOnlyList<string> columns, long?[]? values) => values is null
        ? null
        : "{" + string.Join(",", columns.Select((c, i) => (c, i)).OrderBy(c => c.c, StringComparer.Ordinal)
            .Select(c => $"\"{c.c}\":{Value(values[c.i])}")) + "}";

    private static string Value(long? fen) => fen is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";
}
