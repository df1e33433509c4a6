using System.Text.Json;
using Npgsql;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>All rows of one table, by key, each as column → JSON text of the value (what to_jsonb prints, so both
/// sides of a comparison render dates, times and numbers identically).</summary>
public sealed class TableRows
{
    private readonly Dictionary<string, List<IReadOnlyDictionary<string, string>>> _rows = new(StringComparer.Ordinal);

    private TableRows(ProjectionTable table) => Table = table;

    public ProjectionTable Table { get; }

    public int Count { get; private set; }

    public IEnumerable<string> Keys => _rows.Keys;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> this[string key] =>
        _rows.TryGetValue(key, out var rows) ? rows : [];

    public static async Task<TableRows> Read(NpgsqlConnection connection, NpgsqlTransaction? transaction, ProjectionTable table,
                                             CancellationToken ct)
    {
        var result = new TableRows(table);
        // The table name comes from pg_class of our own schema; quoting keeps it an identifier whatever it is.
        var sql = $"select to_jsonb(t)::text from grants.\"{table.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" t";
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add(Columns(reader.GetString(0)));
        return result;
    }

    /// <summary>The key of a row as people read it: "HP-IPO|2025|HP-2024-3/1".</summary>
    public static string KeyText(IReadOnlyList<string> keyColumns, IReadOnlyDictionary<string, string> row) =>
        keyColumns.Count == 0
            ? string.Join(",", row.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value))
            : string.Join("|", keyColumns.Select(c => Display(row.GetValueOrDefault(c, "null"))));

    private void Add(IReadOnlyDictionary<string, string> row)
    {
        var key = KeyText(Table.Key, row);
        if (!_rows.TryGetValue(key, out var list))
            _rows[key] = list = [];
        list.Add(row);
        Count++;
    }

    private static Dictionary<string, string> Columns(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);
    }

    private static string Display(string json) =>
        json.Length >= 2 && json[0] == '"' ? JsonSerializer.Deserialize<string>(json) ?? json : json;
}
