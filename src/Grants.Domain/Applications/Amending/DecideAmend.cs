using Grants.Domain.Applications.Amending;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result Amend(AmendAward c, Subject s)
    {
        if (Rules.Status(s, "amend the award", ApplicationStatus.Approved) is { } status)
            return status;
        var award = s.State.Award!;
        var raising = c.NewAmount > award.CurrentAmount;
        var error = Rules.Official(c.Approver, "approver")
                    ?? NotTheAssessor(s, c.Approver)
                    ?? (s.State.Clawbacks.Any(cb => cb.OrderedBy == c.Approver)
                        ? new DomainError(ErrorCodes.ClawbackByApprover,
                            $"{c.Approver} ordered a clawback on award {s.Id} and cannot also approve its amendment", "approver")
                        : null)
                    ?? Rules.Responsible(s.Measure, c.ApproverBureau, "approver_bureau")
                    ?? Text.Required(c.Reason, "reason", Text.LongMax)
                    ?? Rules.NotBefore(c.AmendedOn, award.ApprovedOn, "amended_on", "approval")
                    ?? Rules.InForce(s.Policy, c.AmendedOn, "amended_on")
                    ?? (c.NewAmount == award.CurrentAmount && s.Measure.IsMonetary
                        ? DomainError.Invalid(ErrorCodes.NoChange, "new_amount", $"the award is already {award.CurrentAmount.ToYuanString()} yuan")
                        : null)
                    ?? AwardLimits.Check(s.Measure, s.Tier, s.Catalog, c.NewAmount, c.AmendedOn, "new_amount", capMustBeKnown: true)
                    ?? (c.NewAmount < s.State.Disbursed
                        ? DomainError.Breach(ErrorCodes.AmendmentBelowDisbursed,
                            LimitBreach.Floor(LimitNames.Disbursed(s.Id), s.State.Disbursed, c.NewAmount), "new_amount")
                        : null)
                    ?? (raising ? Rules.NotFlagged(s) : null);
        if (error is not null)
            return error;
        if (!s.Measure.IsMonetary)
            return DomainError.Invalid(ErrorCodes.AmountNotAllowed, "new_amount",
                $"{LimitNames.Article(s.Measure.Id)} is non-monetary and accepts no amount");

        var needsTwo = raising && c.NewAmount >= s.Context.DualApprovalThreshold;
        if (needsTwo && s.State.PendingAmendment is { } first && first.Approver != c.Approver)
        {
            if (first.Amount != c.NewAmount)
                return new DomainError(ErrorCodes.SecondApprovalDiffers,
                    $"the first approval by {first.Approver} was for {first.Amount.ToYuanString()} yuan; the second must approve the same", "new_amount");
            return Amended(c, s, award, first.Approver);
        }
        if (needsTwo && s.State.PendingAmendment is { } own && own.Amount == c.NewAmount)
            return new DomainError(ErrorCodes.SecondApproverMustDiffer,
                $"{c.Approver} already gave the first approval; a second, different approver must approve", "approver");
        if (needsTwo)
            return Result.Success(new AwardAmendmentFirstApprovalRecorded(s.Id, c.Approver, c.ApproverBureau, c.NewAmount, c.Reason, c.AmendedOn));
        return Amended(c, s, award, null);
    }

    private static Result Amended(AmendAward c, Subject s, Award award, OfficialId? firstApprover) =>
        Result.Success(new AwardAmended(s.Id, c.Approver, firstApprover, award.OriginalAmount, award.CurrentAmount, c.NewAmount,
            c.NewAmount - award.CurrentAmount, c.Reason, c.AmendedOn, LedgerKeysFor.Refreshed(s, award.Ledger, c.AmendedOn)));
}
