using Grants.Domain.Applications.InstructingTranches;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result InstructTranche(InstructTranche c, Subject s)
    {
        if (Rules.Status(s, "instruct a tranche", ApplicationStatus.Approved) is { } status)
            return status;
        var state = s.State;
        var award = state.Award!;
        var next = state.Tranches.Count + 1;
        var error = (s.Measure.IsMonetary
                        ? null
                        : DomainError.Invalid(ErrorCodes.AmountNotAllowed, "amount",
                            $"{LimitNames.Article(s.Measure.Id)} is non-monetary; nothing is paid under it"))
                    ?? OnHold(s)
                    ?? Rules.NotFlagged(s)
                    ?? (c.TrancheNumber == next
                        ? null
                        : DomainError.Invalid(ErrorCodes.TrancheOutOfSequence, "tranche_number", $"the next tranche of {s.Id} is number {next}"))
                    ?? Rules.Positive(c.Amount, "amount")
                    ?? Text.Required(c.PayeeName, "payee_name")
                    ?? BankAccount(c.PayeeBankAccount)
                    ?? Rules.NotBefore(c.InstructedOn, award.ApprovedOn, "instructed_on", "approval")
                    ?? Rules.InForce(s.Policy, c.InstructedOn, "instructed_on")
                    ?? (c.Amount > award.CurrentAmount - state.Disbursed
                        ? DomainError.Breach(ErrorCodes.ExceedsAward,
                            LimitBreach.Ceiling(LimitNames.Award(s.Id), award.CurrentAmount, state.Disbursed, c.Amount, "disbursed"), "amount")
                        : null);
        if (error is not null)
            return error;

        return Result.Success(new TrancheInstructed(s.Id, c.TrancheNumber, TrancheInstructed.ReferenceFor(s.Id, c.TrancheNumber),
            c.Amount, c.PayeeName.Trim(), c.PayeeBankAccount.Trim(), c.InstructedOn, award.Ledger));
    }

    private static DomainError? OnHold(Subject s) =>
        s.State.Hold is { } hold
            ? new DomainError(ErrorCodes.PaymentsOnHold, $"payments on {s.Id} are on hold since {Rules.Iso(hold.HeldOn)}: {hold.Reason}")
            : null;

    /// <summary>Mainland account numbers are 8-32 digits (bank cards 16-19, corporate accounts vary); spaces allowed.</summary>
    private static DomainError? BankAccount(string? account)
    {
        var digits = (account ?? "").Replace(" ", "", StringComparison.Ordinal);
        return digits.Length is >= 8 and <= 32 && digits.All(char.IsAsciiDigit)
            ? null
            : DomainError.Invalid(ErrorCodes.InvalidBankAccount, "payee_bank_account", "payee bank account must be 8-32 digits");
    }
}
