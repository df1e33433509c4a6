using Grants.Domain.Applications.HoldingPayments;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result Hold(HoldPayments c, Subject s)
    {
        var error = Rules.Status(s, "hold payments", ApplicationStatus.Submitted, ApplicationStatus.EligibilityConfirmed,
                        ApplicationStatus.Assessed, ApplicationStatus.Approved)
                    ?? Text.Required(c.Reason, "reason", Text.LongMax);
        if (error is not null)
            return error;
        if (s.State.Hold is { } hold)
            return new DomainError(ErrorCodes.AlreadyOnHold, $"payments on {s.Id} are already on hold since {Rules.Iso(hold.HeldOn)}: {hold.Reason}");
        return Result.Success(new PaymentsHeld(s.Id, c.Reason, c.HeldOn));
    }
}
