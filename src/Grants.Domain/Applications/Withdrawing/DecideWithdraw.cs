using Grants.Domain.Applications.Withdrawing;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result Withdraw(WithdrawApplication c, Subject s)
    {
        var error = Rules.Status(s, "withdraw",
                        ApplicationStatus.Submitted, ApplicationStatus.EligibilityConfirmed, ApplicationStatus.Assessed)
                    ?? Text.Required(c.Reason, "reason", Text.LongMax)
                    ?? Rules.NotBefore(c.WithdrawnOn, s.State.LastStepOn, "withdrawn_on", "previous step");
        return error ?? Result.Success(new ApplicationWithdrawn(s.Id, c.Reason, c.WithdrawnOn));
    }
}
