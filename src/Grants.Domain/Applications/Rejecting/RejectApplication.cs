using Grants.Domain.Catalog;

namespace Grants.Domain.Applications.Rejecting;

/// <summary>An official of a responsible bureau declines the award after assessment.</summary>
public sealed record RejectApplication(
    ApplicationId ApplicationId,
    OfficialId Official,
    BureauCode OfficialBureau,
    string Reason,
    DateOnly RejectedOn) : IApplicationCommand;

public sealed record ApplicationRejected(ApplicationId ApplicationId, string Reason, DateOnly RejectedOn) : IApplicationEvent
{
    public const string Name = "application_rejected.v1";
}
