using Grants.Domain.Applications.RecordingReturns;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result RecordReturn(RecordPaymentReturn c, Subject s)
    {
        if (Rules.Status(s, "record a returned payment", ApplicationStatus.Approved) is { } status)
            return status;
        var state = s.State;
        if (state.FindTranche(c.Reference) is not { } tranche)
            return new DomainError(ErrorCodes.UnknownTranche, $"application {s.Id} has no tranche {c.Reference}", "reference");
        if (tranche.Status != TrancheStatus.Confirmed)
            return new DomainError(ErrorCodes.TrancheNotConfirmed, $"tranche {c.Reference} is {tranche.Status}, not paid", "reference");
        // Clawbacks claim paid money; a return may not take paid below what they claim, or recovered could exceed paid.
        var returnable = state.Paid - state.Claimed;
        var error = Text.Required(c.Reason, "reason", Text.LongMax)
                    ?? Rules.NotBefore(c.ReturnedOn, tranche.PaidOn ?? tranche.InstructedOn, "returned_on", "payment")
                    ?? (tranche.Amount > returnable
                        ? DomainError.Breach(ErrorCodes.ReturnBelowClawedBack,
                            LimitBreach.Ceiling(LimitNames.Paid(s.Id), state.Paid, state.Claimed, tranche.Amount, "clawed back"), "reference")
                        : null);
        return error ?? Result.Success(new PaymentReturned(s.Id, tranche.Reference, tranche.Number, tranche.Amount, c.Reason,
            c.ReturnedOn, state.Award!.Ledger));
    }
}
