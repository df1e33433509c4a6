using Grants.Domain.Applications.RecoveringClawbacks;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result RecordRepayment(RecordClawbackRepayment c, Subject s)
    {
        var (clawback, error) = OpenClawback(s, c.ClawbackId, c.Amount, c.RecoveredOn);
        error ??= Text.Required(c.PaymentReference, "payment_reference");
        if (error is not null)
            return error;
        return Result.Success(new ClawbackRecovered(s.Id, clawback!.Id, RecoveryKind.Repaid, c.Amount, c.PaymentReference.Trim(), null,
            c.RecoveredOn, s.State.Award!.Ledger));
    }

    /// <summary>The other application's state comes in the context; this stream remembers what it has offset against
    /// each tranche, so one tranche cannot be counted twice for this award's clawbacks.</summary>
    private static Result Offset(OffsetClawback c, Subject s)
    {
        var (clawback, error) = OpenClawback(s, c.ClawbackId, c.Amount, c.RecoveredOn);
        if (error is not null)
            return error;
        var against = s.Context.OffsetAgainst;
        var tranche = against is not null && against.Id == c.AgainstApplication ? against.FindTranche(c.AgainstTrancheReference) : null;
        if (against is null || tranche is null || tranche.Status == TrancheStatus.Returned)
            return new DomainError(ErrorCodes.OffsetDisbursementMissing,
                $"no standing disbursement {c.AgainstTrancheReference} on application {c.AgainstApplication}", "against_tranche_reference");
        if (against.BeneficiaryKey != s.State.BeneficiaryKey)
            return new DomainError(ErrorCodes.OffsetOtherBeneficiary,
                $"disbursement {tranche.Reference} goes to another beneficiary than application {s.Id}", "against_application");
        if (tranche.InstructedOn < clawback!.OrderedOn)
            return new DomainError(ErrorCodes.OffsetDisbursementNotLater,
                $"disbursement {tranche.Reference} of {Rules.Iso(tranche.InstructedOn)} is not later than clawback {clawback.Id} " +
                $"of {Rules.Iso(clawback.OrderedOn)}", "against_tranche_reference");
        var alreadyOffset = s.State.Offsets.Where(o => o.AgainstTrancheReference == tranche.Reference)
            .Aggregate(Money.Zero, (sum, o) => sum + o.Amount);
        if (c.Amount > tranche.Amount - alreadyOffset)
            return DomainError.Breach(ErrorCodes.OffsetExceedsDisbursement,
                LimitBreach.Ceiling($"tranche {tranche.Reference}", tranche.Amount, alreadyOffset, c.Amount, "offset"), "amount");

        return Result.Success(new ClawbackRecovered(s.Id, clawback.Id, RecoveryKind.Offset, c.Amount, tranche.Reference,
            c.AgainstApplication, c.RecoveredOn, s.State.Award!.Ledger));
    }

    private static (Clawback? Clawback, DomainError? Error) OpenClawback(Subject s, ClawbackId id, Money amount, DateOnly on)
    {
        if (Rules.Status(s, "recover a clawback", ApplicationStatus.Approved) is { } status)
            return (null, status);
        if (s.State.FindClawback(id) is not { } clawback)
            return (null, new DomainError(ErrorCodes.UnknownClawback, $"application {s.Id} has no clawback {id}", "clawback_id"));
        if (!clawback.IsOpen)
            return (null, new DomainError(ErrorCodes.ClawbackNotOpen, $"clawback {id} of {s.Id} is settled", "clawback_id"));
        var error = Rules.Positive(amount, "amount")
                    ?? Rules.NotBefore(on, clawback.OrderedOn, "recovered_on", "clawback order")
                    ?? (amount > clawback.Outstanding
                        ? DomainError.Breach(ErrorCodes.RecoveryExceedsOutstanding,
                            LimitBreach.Ceiling(LimitNames.Clawback(s.Id, id), clawback.Amount, clawback.Recovered, amount, "recovered"), "amount")
                        : null);
        return (clawback, error);
    }
}
