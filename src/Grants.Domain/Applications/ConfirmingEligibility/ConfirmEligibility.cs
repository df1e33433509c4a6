
namespace Grants.Domain.Applications.ConfirmingEligibility;

/// <summary>The bureau confirms the applicant fits the measure (形式审查 passed).</summary>
public sealed record ConfirmEligibility(ApplicationId ApplicationId, string? Note, DateOnly ConfirmedOn) : IApplicationCommand;

public sealed record EligibilityConfirmed(ApplicationId ApplicationId, string? Note, DateOnly ConfirmedOn) : IApplicationEvent
{
    public const string Name = "eligibility_confirmed.v1";
}
