namespace Grants.Domain.Applications;

/// <summary>Where an application stands. After approval the status stays <see cref="Approved"/> while tranches and
/// clawbacks run; their own states say where the money is.</summary>
public enum ApplicationStatus
{
    None,
    Submitted,
    EligibilityConfirmed,
    EligibilityRejected,
    Assessed,
    Approved,
    Rejected,
    Withdrawn,
    Closed,
}
