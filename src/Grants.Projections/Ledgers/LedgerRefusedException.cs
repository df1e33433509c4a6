using Grants.Domain;

namespace Grants.Projections.Ledgers;

/// <summary>A ledger refused the append: a limit would be broken. Thrown inside the append's transaction, so nothing
/// of the command is written; the API turns <see cref="Error"/> into FAILED_PRECONDITION with the headroom.</summary>
public sealed class LedgerRefusedException(DomainError error) : Exception(error.Message)
{
    public DomainError Error { get; } = error;
}
