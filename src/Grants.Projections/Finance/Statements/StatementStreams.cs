namespace Grants.Projections.Finance.Statements;

/// <summary>One stream per bank transaction: creating it with ExpectedVersion.NoStream is what makes an import of
/// the same transaction a second time (or by a concurrent import) a no-op.</summary>
public static class StatementStreams
{
    public const string Type = "statement-line";

    public static string Of(string bankTransactionId) => $"{Type}-{bankTransactionId}";
}
