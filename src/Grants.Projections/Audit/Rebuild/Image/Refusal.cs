using Grants.Domain;
using Grants.Projections.Ledgers;

namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>The refusals the inline projections would raise, with the texts they would carry: a ledger rule as
/// <see cref="LedgerRefusedException"/>, anything else as PostgreSQL words it ("SQLSTATE: message").</summary>
internal static class Refusal
{
    public static Exception CheckViolation(string table, string constraint, bool ledger, string eventType) => ledger
        ? new LedgerRefusedException(new DomainError(LedgerErrorCodes.LedgerConstraint, $"refused by ledger rule {constraint} ({eventType})"))
        : new ImageRefusedException($"23514: new row for relation \"{table}\" violates check constraint \"{constraint}\"");

    public static Exception UniqueViolation(string constraint) =>
        new ImageRefusedException($"23505: duplicate key value violates unique constraint \"{constraint}\"");

    public static Exception Ledger(DomainError error) => new LedgerRefusedException(error);
}

/// <summary>An event the database itself would have refused (a constraint, not a ledger rule).</summary>
internal sealed class ImageRefusedException(string message) : Exception(message);
