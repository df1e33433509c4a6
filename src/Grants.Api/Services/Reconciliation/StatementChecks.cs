using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grpc.Core;
using Line = Grants.Projections.Finance.Statements.StatementLine;
using Direction = Grants.Projections.Finance.Statements.StatementDirection;

namespace Grants.Api.Services.Reconciliation;

/// <summary>Receives a whole statement and checks every line before anything is applied: a statement is refused as
/// a whole, naming every bad line ("line 7.amount_fen"), or accepted as a whole.</summary>
public static class StatementChecks
{
    public const int MaxLines = 100_000;
    public const int NameMax = 200;
    public const int ReferenceMax = 140;
    public const int AccountMax = 34;

    /// <summary>More would make the refusal itself unreadable; the count of the rest is reported instead.</summary>
    public const int MaxReported = 100;

    public static async Task<ReceivedStatement> Receive(IAsyncStreamReader<ImportStatementRequest> stream, CancellationToken ct)
    {
        var problems = new List<FieldViolation>();
        StatementHeader? header = null;
        var lines = new List<(int Number, StatementLine Line)>();
        var messages = 0;
        while (await stream.MoveNext(ct))
        {
            messages++;
            var message = stream.Current;
            switch (message.PartCase)
            {
                case ImportStatementRequest.PartOneofCase.Header when header is null && lines.Count == 0:
                    header = message.Header;
                    break;
                case ImportStatementRequest.PartOneofCase.Header:
                    problems.Add(new FieldViolation($"message {messages}.header", "the header comes once, as the first message"));
                    break;
                case ImportStatementRequest.PartOneofCase.Line when lines.Count == MaxLines:
                    throw Refusal([new FieldViolation("lines", $"a statement has at most {MaxLines} lines; split the file")]);
                case ImportStatementRequest.PartOneofCase.Line:
                    lines.Add((message.Line.LineNumber > 0 ? message.Line.LineNumber : lines.Count + 1, message.Line));
                    break;
                default:
                    problems.Add(new FieldViolation($"message {messages}", "has neither a header nor a line"));
                    break;
            }
        }

        var checks = new RequestChecks();
        var requestId = header is null ? "" : checks.Id(header.RequestId, "header.request_id", RequestChecks.MaxRequestIdLength);
        var name = header is null ? "" : checks.Name(header.StatementName, "header.statement_name", NameMax);
        if (header is null)
            checks.Add("header", "is required, as the first message");
        if (lines.Count == 0)
            checks.Add("lines", "a statement needs at least one line");
        problems.InsertRange(0, checks.Violations);

        var accepted = lines.Select(l => Check(l.Number, l.Line, name, problems)).ToList();
        Duplicates(accepted, problems);
        if (problems.Count > 0)
            throw Refusal(problems);
        return new ReceivedStatement(requestId, name, accepted);
    }

    public static RpcException Refusal(IReadOnlyList<FieldViolation> problems) =>
        ApiError.Invalid(problems.Count <= MaxReported
            ? problems
            : [.. problems.Take(MaxReported), new FieldViolation("statement", $"{problems.Count - MaxReported} more problems not listed")])
        .ToRpcException();

    private static Line Check(int number, StatementLine line, string statement, List<FieldViolation> problems)
    {
        var checks = new RequestChecks();
        var field = (string name) => $"line {number}.{name}";
        var id = checks.Id(line.BankTransactionId, field("bank_transaction_id"));
        var valueDate = checks.Date(line.ValueDate, field("value_date"));
        var reference = checks.Text(line.Reference, field("reference"), ReferenceMax, required: false, multiline: false);
        var account = line.CounterpartyAccount.Trim();
        if (account.Length > AccountMax || !account.All(c => char.IsAsciiLetterOrDigit(c) || c == ' '))
            checks.Add(field("counterparty_account"), $"must be at most {AccountMax} letters, digits and spaces");
        var amount = checks.Amount(line.AmountFen, field("amount_fen"));
        var direction = checks.Enum(line.Direction, field("direction"));
        problems.AddRange(checks.Violations);
        return new Line(id, statement, number, valueDate ?? default, reference, account, amount,
            direction == StatementDirection.Credit ? Direction.Credit : Direction.Debit);
    }

    private static void Duplicates(List<Line> lines, List<FieldViolation> problems)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.BankTransactionId.Length > 0))
        {
            if (first.TryGetValue(line.BankTransactionId, out var earlier))
                problems.Add(new FieldViolation($"line {line.LineNumber}.bank_transaction_id",
                    $"{line.BankTransactionId} is already on line {earlier}; a bank transaction is listed once"));
            else
                first[line.BankTransactionId] = line.LineNumber;
        }
    }
}
