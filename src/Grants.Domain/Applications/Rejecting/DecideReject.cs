using Grants.Domain.Applications.Rejecting;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result Reject(RejectApplication c, Subject s)
    {
        var error = Rules.Status(s, "reject", ApplicationStatus.Assessed)
                    ?? Rules.Official(c.Official, "official")
                    ?? Rules.Responsible(s.Measure, c.OfficialBureau, "official_bureau")
                    ?? Text.Required(c.Reason, "reason", Text.LongMax)
                    ?? Rules.NotBefore(c.RejectedOn, s.State.LastStepOn, "rejected_on", "assessment");
        return error ?? Result.Success(new ApplicationRejected(s.Id, c.Reason, c.RejectedOn));
    }
}
