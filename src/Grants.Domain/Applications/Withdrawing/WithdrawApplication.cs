
namespace Grants.Domain.Applications.Withdrawing;

/// <summary>The applicant withdraws; possible only before the award is approved.</summary>
public sealed record WithdrawApplication(ApplicationId ApplicationId, string Reason, DateOnly WithdrawnOn) : IApplicationCommand;

public sealed record ApplicationWithdrawn(ApplicationId ApplicationId, string Reason, DateOnly WithdrawnOn) : IApplicationEvent
{
    public const string Name = "application_withdrawn.v1";
}
