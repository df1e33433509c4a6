using Grants.Domain.Applications.ConfirmingEligibility;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result ConfirmEligibility(ConfirmEligibility c, Subject s)
    {
        var error = Rules.Status(s, "confirm eligibility", ApplicationStatus.Submitted)
                    ?? Text.Optional(c.Note, "note", Text.LongMax)
                    ?? Rules.NotBefore(c.ConfirmedOn, s.State.LastStepOn, "confirmed_on", "submission")
                    ?? Rules.Eligible(s.Measure, s.State.ApplicantKind);
        return error ?? Result.Success(new EligibilityConfirmed(s.Id, c.Note, c.ConfirmedOn));
    }
}
