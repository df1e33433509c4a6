using Grants.Domain;

namespace Grants.Projections.Tests.Support;

/// <summary>The decider refused the command, so nothing reached the store. Kept apart from
/// <see cref="Grants.Projections.Ledgers.LedgerRefusedException"/>, which is the database refusing what the domain let through.</summary>
internal sealed class CommandRefusedException(DomainError error) : Exception(error.ToString())
{
    public DomainError Error { get; } = error;
}
