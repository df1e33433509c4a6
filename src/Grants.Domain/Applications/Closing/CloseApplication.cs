
namespace Grants.Domain.Applications.Closing;

/// <summary>Close a settled award: everything approved is paid, nothing is in flight, no clawback is open.</summary>
public sealed record CloseApplication(ApplicationId ApplicationId, string? Note, DateOnly ClosedOn) : IApplicationCommand;

/// <summary>Ledgers: nothing moves (closing releases nothing; a settled award has nothing committed left).</summary>
public sealed record ApplicationClosed(ApplicationId ApplicationId, string? Note, DateOnly ClosedOn) : IApplicationEvent
{
    public const string Name = "application_closed.v1";
}
