namespace Grants.Projections.Audit.Rebuild;

/// <summary>Row-by-row, column-by-column comparison of a live table with its rebuild.</summary>
public static class TableDiff
{
    public static IEnumerable<Difference> Compare(string source, TableRows live, TableRows rebuilt)
    {
        var table = live.Table.Name;
        foreach (var key in live.Keys.Union(rebuilt.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var (left, right) = (live[key], rebuilt[key]);
            if (left.Count == 1 && right.Count == 1)
            {
                foreach (var column in left[0].Keys.Union(right[0].Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    var (l, r) = (left[0].GetValueOrDefault(column), right[0].GetValueOrDefault(column));
                    if (!string.Equals(l, r, StringComparison.Ordinal))
                        yield return new Difference(source, table, key, column, l, r);
                }
                continue;
            }

            // Missing on one side, or a keyless table holding a different number of identical rows.
            for (var i = right.Count; i < left.Count; i++)
                yield return new Difference(source, table, key, null, Row(left[i]), null);
            for (var i = left.Count; i < right.Count; i++)
                yield return new Difference(source, table, key, null, null, Row(right[i]));
        }
    }

    /// <summary>A row as one JSON object, columns in name order.</summary>
    internal static string Row(IReadOnlyDictionary<string, string> row) =>
        "{" + string.Join(",", row.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"\"{c.Key}\":{c.Value}")) + "}";
}
