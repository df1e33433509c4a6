
namespace Grants.Domain.Applications.RejectingEligibility;

/// <summary>The bureau finds the applicant does not fit the measure; the application ends here.</summary>
public sealed record RejectEligibility(ApplicationId ApplicationId, string Reason, DateOnly RejectedOn) : IApplicationCommand;

public sealed record EligibilityRejected(ApplicationId ApplicationId, string Reason, DateOnly RejectedOn) : IApplicationEvent
{
    public const string Name = "eligibility_rejected.v1";
}
