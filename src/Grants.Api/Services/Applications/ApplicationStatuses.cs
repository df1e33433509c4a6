using Grants.Domain.Applications;
using Wire = Grants.Contracts.V1.ApplicationStatus;

namespace Grants.Api.Services.Applications;

/// <summary>The wire status of an application. The domain keeps APPROVED while money moves; callers want to see where
/// the money is. grants.application_status computes the same in SQL (ApplicationsSchema); a test holds the two equal.</summary>
public static class ApplicationStatuses
{
    public static Wire Of(ApplicationState state) => state.Status switch
    {
        ApplicationStatus.Submitted => Wire.Submitted,
        ApplicationStatus.EligibilityConfirmed => Wire.Eligible,
        ApplicationStatus.EligibilityRejected => Wire.Ineligible,
        ApplicationStatus.Assessed => state.PendingApproval is null ? Wire.Assessed : Wire.AwaitingSecondApproval,
        ApplicationStatus.Approved => OfAward(state),
        ApplicationStatus.Rejected => Wire.Rejected,
        ApplicationStatus.Withdrawn => Wire.Withdrawn,
        ApplicationStatus.Closed => Wire.Closed,
        _ => Wire.Unspecified,
    };

    private static Wire OfAward(ApplicationState state)
    {
        if (state.Clawbacks.Any(c => c.IsOpen))
            return Wire.ClawbackOpen;
        if (state.Award!.CurrentAmount.IsPositive && !state.InFlight.IsPositive && state.Paid >= state.Award.CurrentAmount)
            return Wire.Paid;
        return state.Tranches.Count > 0 ? Wire.Disbursing : Wire.Approved;
    }
}
