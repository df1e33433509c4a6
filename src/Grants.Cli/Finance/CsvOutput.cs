using System.Globalization;
using CsvHelper;

namespace Grants.Cli.Finance;

/// <summary>CSV for the treasury and spreadsheets: RFC 4180 quoting by CsvHelper, amounts in integer fen (no rounding
/// anywhere), dates as YYYY-MM-DD.</summary>
internal static class CsvOutput
{
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);
        csv.WriteHeader([.. header]);
        foreach (var row in rows)
            csv.WriteRecord([.. row]);
        csv.Flush();
    }

    public static string Fen(long fen) => fen.ToString(CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
