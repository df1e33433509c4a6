using System.Text.Json;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>Turns the rows found to differ (as to_jsonb prints them, so both sides render dates, times and numbers
/// identically) into findings: one per differing column of a row present on both sides, one per row missing on
/// either side.</summary>
public static class TableDiff
{
    public static IEnumerable<Difference> Compare(string source, ProjectionTable table, string? live, string? rebuilt)
    {
        var (left, right) = (Columns(live), Columns(rebuilt));
        var key = KeyText(table.Key, left ?? right ?? []);
        if (left is null || right is null)
        {
            yield return new Difference(source, table.Name, key, null, left is null ? null : Row(left), right is null ? null : Row(right));
            yield break;
        }

        foreach (var column in left.Keys.Union(right.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var (l, r) = (left.GetValueOrDefault(column), right.GetValueOrDefault(column));
            if (!string.Equals(l, r, StringComparison.Ordinal))
                yield return new Difference(source, table.Name, key, column, l, r);
        }
    }

    /// <summary>The key of a row as people read it: "HP-IPO|2025|HP-2024-3/1"; a keyless row by all its values.</summary>
    public static string KeyText(IReadOnlyList<string> keyColumns, IReadOnlyDictionary<string, string> row) =>
        keyColumns.Count == 0
            ? string.Join(",", row.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value))
            : string.Join("|", keyColumns.Select(c => Display(row.GetValueOrDefault(c, "null"))));

    /// <summary>A row as one JSON object, columns in name order.</summary>
    internal static string Row(IReadOnlyDictionary<string, string> row) =>
        "{" + string.Join(",", row.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"\"{c.Key}\":{c.Value}")) + "}";

    private static Dictionary<string, string>? Columns(string? json)
    {
        if (json is null)
            return null;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);
    }

    private static string Display(string json) =>
        json.Length >= 2 && json[0] == '"' ? JsonSerializer.Deserialize<string>(json) ?? json : json;
}
