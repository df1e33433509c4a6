using Grants.Domain.Applications.Closing;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    /// <summary>Closing releases nothing from the ledgers, so only a settled award may close: an unpaid remainder must
    /// first be paid or amended away, or it would stay committed forever.</summary>
    private static Result Close(CloseApplication c, Subject s)
    {
        if (Rules.Status(s, "close", ApplicationStatus.Approved) is { } status)
            return status;
        var state = s.State;
        var award = state.Award!;
        DomainError? Unsettled(string why) =>
            new(ErrorCodes.AwardNotSettled, $"application {s.Id} cannot close: {why}");
        var error = (state.InFlight.IsPositive ? Unsettled($"{state.InFlight.ToYuanString()} yuan is instructed and not yet confirmed") : null)
                    ?? (state.Paid != award.CurrentAmount
                        ? Unsettled($"the award is {award.CurrentAmount.ToYuanString()} yuan and {state.Paid.ToYuanString()} is paid; " +
                                    "pay the rest or amend the award")
                        : null)
                    ?? (state.Clawbacks.FirstOrDefault(cb => cb.IsOpen) is { } open
                        ? Unsettled($"clawback {open.Id} has {open.Outstanding.ToYuanString()} yuan outstanding")
                        : null)
                    ?? Text.Optional(c.Note, "note", Text.LongMax)
                    ?? Rules.NotBefore(c.ClosedOn, state.LastStepOn, "closed_on", "last step");
        return error ?? Result.Success(new ApplicationClosed(s.Id, c.Note, c.ClosedOn));
    }
}
