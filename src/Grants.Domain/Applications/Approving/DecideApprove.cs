using Grants.Domain.Applications.Approving;
using Grants.Domain.Catalog;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result Approve(ApproveAward c, Subject s)
    {
        var state = s.State;
        // Under a non-monetary measure nothing is paid; the approving bureau stands in so the award still has ledger keys.
        var payingBureau = c.PayingBureau ?? s.Measure.PayingBureau ?? (s.Measure.IsMonetary ? null : c.ApproverBureau);
        var error = Rules.Status(s, "approve", ApplicationStatus.Assessed)
                    ?? Rules.Official(c.Approver, "approver")
                    ?? NotTheAssessor(s, c.Approver)
                    ?? Rules.Responsible(s.Measure, c.ApproverBureau, "approver_bureau")
                    ?? (payingBureau is null
                        ? new DomainError(ErrorCodes.PayingBureauNotResponsible,
                            $"{LimitNames.Article(s.Measure.Id)} has no default paying bureau; name one", "paying_bureau")
                        : Rules.Responsible(s.Measure, payingBureau, "paying_bureau"))
                    ?? Rules.NotFlagged(s)
                    ?? Rules.Eligible(s.Measure, state.ApplicantKind)
                    ?? Rules.InForce(s.Policy, c.ApprovedOn, "approved_on")
                    ?? Rules.NotBefore(c.ApprovedOn, state.LastStepOn, "approved_on", "assessment")
                    ?? AwardLimits.Check(s.Measure, s.Tier, s.Catalog, c.Amount, c.ApprovedOn, "amount", capMustBeKnown: true);
        if (error is not null)
            return error;

        var bureau = payingBureau!;
        if (state.PendingApproval is { } first && first.Approver != c.Approver)
        {
            if (first.Amount != c.Amount || first.PayingBureau != bureau)
                return new DomainError(ErrorCodes.SecondApprovalDiffers,
                    $"the first approval by {first.Approver} was {first.Amount.ToYuanString()} yuan paid by {first.PayingBureau}; " +
                    $"the second must approve the same", "amount");
            return Result.Success(new AwardApproved(s.Id, c.Approver, first.Approver, c.Amount, c.ApprovedOn,
                LedgerKeysFor.Award(s, bureau, c.ApprovedOn)));
        }
        if (state.PendingApproval is { } own && own.Amount == c.Amount && own.PayingBureau == bureau)
            return new DomainError(ErrorCodes.SecondApproverMustDiffer,
                $"{c.Approver} already gave the first approval; a second, different approver must approve", "approver");

        // Below the threshold one approver suffices; at or above it this is a first approval (or the first approver
        // revising their own pending one).
        if (c.Amount >= s.Context.DualApprovalThreshold)
            return Result.Success(new AwardFirstApprovalRecorded(s.Id, c.Approver, c.ApproverBureau, c.Amount, bureau, c.ApprovedOn));
        return Result.Success(new AwardApproved(s.Id, c.Approver, null, c.Amount, c.ApprovedOn, LedgerKeysFor.Award(s, bureau, c.ApprovedOn)));
    }

    private static DomainError? NotTheAssessor(Subject s, OfficialId approver) =>
        s.State.Assessment is { } assessment && assessment.Assessor == approver
            ? new DomainError(ErrorCodes.ApproverIsAssessor, $"{approver} assessed application {s.Id} and cannot also approve it", "approver")
            : null;
}
