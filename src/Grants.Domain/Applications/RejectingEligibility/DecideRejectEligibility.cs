using Grants.Domain.Applications.RejectingEligibility;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result RejectEligibility(RejectEligibility c, Subject s)
    {
        var error = Rules.Status(s, "reject eligibility", ApplicationStatus.Submitted)
                    ?? Text.Required(c.Reason, "reason", Text.LongMax)
                    ?? Rules.NotBefore(c.RejectedOn, s.State.LastStepOn, "rejected_on", "submission");
        return error ?? Result.Success(new EligibilityRejected(s.Id, c.Reason, c.RejectedOn));
    }
}
