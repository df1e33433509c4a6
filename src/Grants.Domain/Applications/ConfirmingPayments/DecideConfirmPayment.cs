using Grants.Domain.Applications.ConfirmingPayments;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result ConfirmPayment(ConfirmPayment c, Subject s)
    {
        if (Rules.Status(s, "confirm a payment", ApplicationStatus.Approved) is { } status)
            return status;
        if (s.State.FindTranche(c.Reference) is not { } tranche)
            return new DomainError(ErrorCodes.UnknownTranche, $"application {s.Id} has no tranche {c.Reference}", "reference");
        if (tranche.Status != TrancheStatus.Instructed)
            return new DomainError(ErrorCodes.TrancheNotInstructed, $"tranche {c.Reference} is {tranche.Status}, not awaiting payment", "reference");
        var error = OnHold(s)
                    ?? Rules.NotFlagged(s)
                    ?? Text.Required(c.TreasuryReference, "treasury_reference")
                    ?? Rules.NotBefore(c.PaidOn, tranche.InstructedOn, "paid_on", "instruction");
        return error ?? Result.Success(new PaymentConfirmed(s.Id, tranche.Reference, tranche.Number, tranche.Amount,
            c.TreasuryReference, c.PaidOn, s.State.Award!.Ledger));
    }
}
