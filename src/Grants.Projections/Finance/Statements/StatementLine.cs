using Grants.Domain;

namespace Grants.Projections.Finance.Statements;

/// <summary>Which way money moved on the treasury's account.</summary>
public enum StatementDirection
{
    /// <summary>Money left the account: a payment to a payee.</summary>
    Debit,

    /// <summary>Money came in: a returned payment or a clawback repayment.</summary>
    Credit,
}

/// <summary>One line of a bank statement as the bank wrote it. <paramref name="LineNumber"/> is where it stood in the
/// file, kept so an officer can find it again.</summary>
public sealed record StatementLine(
    string BankTransactionId,
    string StatementName,
    int LineNumber,
    DateOnly ValueDate,
    string Reference,
    string CounterpartyAccount,
    Money Amount,
    StatementDirection Direction)
{
    /// <summary>Same bank transaction as recorded before? Statement name and line number may differ between two
    /// exports of the same transactions; what the bank says about the money may not.</summary>
    public bool SameTransactionAs(StatementLine other) =>
        BankTransactionId == other.BankTransactionId && ValueDate == other.ValueDate && Reference == other.Reference
        && CounterpartyAccount == other.CounterpartyAccount && Amount == other.Amount && Direction == other.Direction;
}
