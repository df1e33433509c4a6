using Grants.Domain;

namespace Grants.Api.Commands;

/// <summary>A decider refused the command; nothing was written. The exception interceptor turns it into a status.</summary>
public sealed class CommandRefusedException(DomainError error) : Exception(error.Message)
{
    public DomainError Error { get; } = error;
}
