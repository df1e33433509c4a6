using Grants.Domain.Applications.OrderingClawbacks;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result OrderClawback(OrderClawback c, Subject s)
    {
        if (Rules.Status(s, "order a clawback", ApplicationStatus.Approved) is { } status)
            return status;
        var state = s.State;
        if (c.ClawbackId is null || !c.ClawbackId.IsWellFormed)
            return DomainError.Invalid(ErrorCodes.InvalidClawbackId, "clawback_id", "clawback id must be 1-64 letters, digits or ._:@-");
        if (state.FindClawback(c.ClawbackId) is not null)
            return new DomainError(ErrorCodes.ClawbackExists, $"application {s.Id} already has clawback {c.ClawbackId}", "clawback_id");
        var error = Rules.Official(c.OrderedBy, "ordered_by")
                    ?? (state.Approvers.Contains(c.OrderedBy)
                        ? new DomainError(ErrorCodes.ClawbackByApprover,
                            $"{c.OrderedBy} approved award {s.Id} and cannot order its clawback", "ordered_by")
                        : null)
                    ?? Text.Required(c.Reason, "reason", Text.LongMax)
                    ?? Rules.Positive(c.Amount, "amount")
                    ?? Rules.NotBefore(c.OrderedOn, state.Award!.ApprovedOn, "ordered_on", "approval")
                    ?? (c.Amount > state.Paid - state.Claimed
                        ? DomainError.Breach(ErrorCodes.ClawbackExceedsPaid,
                            LimitBreach.Ceiling(LimitNames.Paid(s.Id), state.Paid, state.Claimed, c.Amount, "clawed back"), "amount")
                        : null);
        return error ?? Result.Success(new ClawbackOrdered(s.Id, c.ClawbackId, c.OrderedBy, c.Reason, c.Amount, c.OrderedOn, state.Award!.Ledger));
    }
}
