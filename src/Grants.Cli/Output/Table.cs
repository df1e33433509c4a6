using System.Text;

namespace Grants.Cli.Output;

public enum Align
{
    Left,
    Right,
}

public sealed record Column(string Header, Align Align = Align.Left);

/// <summary>A plain text table: a header, a rule, the rows, and optionally a totals row under a second rule.
/// Widths count Chinese characters as two columns, as terminals draw them, so titles in 中文 stay aligned.</summary>
public sealed class Table(params Column[] columns)
{
    private readonly List<string[]> _rows = [];
    private string[]? _totals;

    public int Count => _rows.Count;

    public Table Add(params string[] cells)
    {
        _rows.Add(Check(cells));
        return this;
    }

    public Table Totals(params string[] cells)
    {
        _totals = Check(cells);
        return this;
    }

    public void Write(TextWriter writer)
    {
        var all = _rows.Append(columns.Select(c => c.Header).ToArray()).Concat(_totals is null ? [] : [_totals]).ToList();
        var widths = columns.Select((_, i) => all.Max(row => DisplayWidth.Of(row[i]))).ToArray();
        var rule = string.Join("  ", widths.Select(w => new string('-', w)));

        writer.WriteLine(Line(columns.Select(c => c.Header).ToArray(), widths));
        writer.WriteLine(rule);
        foreach (var row in _rows)
            writer.WriteLine(Line(row, widths));
        if (_totals is not null)
        {
            writer.WriteLine(rule);
            writer.WriteLine(Line(_totals, widths));
        }
    }

    public override string ToString()
    {
        using var writer = new StringWriter();
        Write(writer);
        return writer.ToString();
    }

    private string[] Check(string[] cells) =>
        cells.Length == columns.Length
            ? cells
            : throw new ArgumentException($"a row needs {columns.Length} cells, got {cells.Length}", nameof(cells));

    private string Line(string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                line.Append("  ");
            var padding = new string(' ', widths[i] - DisplayWidth.Of(cells[i]));
            line.Append(columns[i].Align == Align.Right ? padding + cells[i] : cells[i] + padding);
        }
        return line.ToString().TrimEnd();
    }
}
