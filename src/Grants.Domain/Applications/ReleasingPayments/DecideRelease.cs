using Grants.Domain.Applications.ReleasingPayments;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result Release(ReleasePayments c, Subject s)
    {
        if (s.State.Hold is not { } hold)
            return new DomainError(ErrorCodes.NotOnHold, $"payments on {s.Id} are not on hold");
        var error = Text.Required(c.Reason, "reason", Text.LongMax)
                    ?? Rules.NotBefore(c.ReleasedOn, hold.HeldOn, "released_on", "hold");
        return error ?? Result.Success(new PaymentsReleased(s.Id, c.Reason, c.ReleasedOn));
    }
}
