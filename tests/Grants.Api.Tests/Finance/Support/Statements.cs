using Grants.Contracts.V1;

namespace Grants.Api.Tests.Finance.Support;

/// <summary>Statement lines and the client-streaming upload, as the CLI sends them.</summary>
internal static class Statements
{
    public static StatementLine Line(string bankTransactionId, DateOnly valueDate, string reference, string account, long amountFen,
                                     StatementDirection direction = StatementDirection.Debit, int lineNumber = 0) => new()
    {
        LineNumber = lineNumber,
        BankTransactionId = bankTransactionId,
        ValueDate = Date.FromDateOnly(valueDate),
        Reference = reference,
        CounterpartyAccount = account,
        AmountFen = amountFen,
        Direction = direction,
    };

    public static async Task<ImportStatementResponse> Import(ReconciliationService.ReconciliationServiceClient client, string name,
                                                             IEnumerable<StatementLine> lines)
    {
        using var call = client.ImportStatement();
        await call.RequestStream.WriteAsync(new ImportStatementRequest
        {
            Header = new StatementHeader { RequestId = Guid.NewGuid().ToString("N"), StatementName = name },
        });
        foreach (var line in lines)
            await call.RequestStream.WriteAsync(new ImportStatementRequest { Line = line });
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    /// <summary>Numbers lines as a CSV file with a header row would: the first line of data is line 2.</summary>
    public static IReadOnlyList<StatementLine> NumberedAsInAFile(IEnumerable<StatementLine> lines) =>
        [.. lines.Select((l, i) => { var copy = l.Clone(); copy.LineNumber = i + 2; return copy; })];
}
