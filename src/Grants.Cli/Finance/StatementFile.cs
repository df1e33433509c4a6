using System.Globalization;
using CsvHelper;
using Grants.Cli.Connection;
using Grants.Contracts.V1;

namespace Grants.Cli.Finance;

/// <summary>Reads a bank statement CSV (docs/FINANCE.md, "Statement CSV") with CsvHelper and checks every line
/// before anything is sent: a file with any bad line is refused whole, naming each bad line and what is wrong.</summary>
internal static class StatementFile
{
    public static readonly string[] Columns = ["bank_transaction_id", "value_date", "reference", "counterparty_account", "amount_fen", "direction"];

    private const long MaxAmountFen = 100_000_000_000_000;

    /// <summary>So the refusal stays readable; the rest are counted.</summary>
    private const int MaxListed = 50;

    public static IReadOnlyList<StatementLine> Read(string path)
    {
        if (!File.Exists(path))
            throw new CliException($"{path}: no such file");
        var problems = new List<string>();
        var lines = new List<StatementLine>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            TrimWhitespace = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => problems.Add($"line {bad.LineNumber}: {Malformed(bad.Reason)}"),
        };
        using (var csv = CsvReader.FromFile(path, options))
        {
            var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            if (header.Count == 0)
                throw new CliException($"{path}: empty file; the first line must name the columns {string.Join(",", Columns)}");
            if (Columns.Where(c => !header.Contains(c)).ToList() is { Count: > 0 } missing)
                throw new CliException($"{path} line 1: missing column(s) {string.Join(", ", missing)}; the header must name {string.Join(",", Columns)}");
            while (csv.Read())
            {
                if (Line(csv, checked((int)csv.LineNumber), problems) is { } line)
                    lines.Add(line);
            }
        }
        Duplicates(lines, problems);
        if (lines.Count == 0 && problems.Count == 0)
            problems.Add("line 2: no statement lines after the header");
        if (problems.Count > 0)
            throw new CliException(Refusal(path, problems));
        return lines;
    }

    private static string Malformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch => "has another number of fields than the header",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        _ => $"malformed CSV quoting ({reason})",
    };

    private static StatementLine? Line(CsvReader csv, int number, List<string> problems)
    {
        var before = problems.Count;
        void Problem(string what) => problems.Add($"line {number}: {what}");
        string Field(string name) => csv.GetString(name) ?? "";

        var id = Field("bank_transaction_id");
        if (id.Length is 0 or > 64 || !id.All(c => c is > ' ' and <= '~'))
            Problem($"bank_transaction_id {Quote(id)} must be 1-64 printable ASCII characters without spaces");
        if (!DateOnly.TryParseExact(Field("value_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var valueDate))
            Problem($"value_date {Quote(Field("value_date"))} is not a date YYYY-MM-DD");
        var reference = Field("reference");
        if (reference.EnumerateRunes().Count() > 140)
            Problem("reference is longer than 140 characters");
        var account = Field("counterparty_account");
        if (account.Length > 34 || !account.All(c => char.IsAsciiLetterOrDigit(c) || c == ' '))
            Problem($"counterparty_account {Quote(account)} must be at most 34 letters, digits and spaces");
        var amountText = Field("amount_fen");
        if (!long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount is <= 0 or > MaxAmountFen)
            Problem($"amount_fen {Quote(amountText)} must be a positive whole number of fen (12.50 yuan is 1250)");
        var direction = Field("direction").ToLowerInvariant() switch
        {
            "debit" or "借" => StatementDirection.Debit,
            "credit" or "贷" => StatementDirection.Credit,
            _ => StatementDirection.Unspecified,
        };
        if (direction == StatementDirection.Unspecified)
            Problem($"direction {Quote(Field("direction"))} must be debit or credit");
        return problems.Count > before ? null : new StatementLine
        {
            LineNumber = number,
            BankTransactionId = id,
            ValueDate = Date.FromDateOnly(valueDate),
            Reference = reference,
            CounterpartyAccount = account,
            AmountFen = amount,
            Direction = direction,
        };
    }

    private static void Duplicates(List<StatementLine> lines, List<string> problems)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (!first.TryAdd(line.BankTransactionId, line.LineNumber))
                problems.Add($"line {line.LineNumber}: bank_transaction_id {line.BankTransactionId} is already on line {first[line.BankTransactionId]}");
        }
    }

    private static string Refusal(string path, List<string> problems)
    {
        var listed = problems.Take(MaxListed).Select(p => $"{path} {p}");
        var rest = problems.Count > MaxListed ? [$"… and {problems.Count - MaxListed} more"] : Array.Empty<string>();
        return $"{path}: nothing imported, {problems.Count} problem(s):{Environment.NewLine}  " +
               string.Join(Environment.NewLine + "  ", listed.Concat(rest));
    }

    private static string Quote(string? text) => text is null ? "''" : $"'{(text.Length > 40 ? text[..40] + "…" : text)}'";
}
