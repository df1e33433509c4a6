using Grants.Domain.Applications.WritingOffClawbacks;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result WriteOff(WriteOffClawback c, Subject s)
    {
        if (Rules.Status(s, "write off a clawback", ApplicationStatus.Approved) is { } status)
            return status;
        if (s.State.FindClawback(c.ClawbackId) is not { } clawback)
            return new DomainError(ErrorCodes.UnknownClawback, $"application {s.Id} has no clawback {c.ClawbackId}", "clawback_id");
        if (!clawback.IsOpen)
            return new DomainError(ErrorCodes.ClawbackNotOpen, $"clawback {c.ClawbackId} of {s.Id} is settled", "clawback_id");
        var error = Text.Required(c.Reason, "reason", Text.LongMax)
                    ?? Rules.NotBefore(c.WrittenOffOn, clawback.OrderedOn, "written_off_on", "clawback order");
        return error ?? Result.Success(new ClawbackWrittenOff(s.Id, clawback.Id, clawback.Outstanding, c.Reason, c.WrittenOffOn,
            s.State.Award!.Ledger));
    }
}
