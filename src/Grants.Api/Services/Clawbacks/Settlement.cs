using Grants.Api.Services.Applications;
using Grants.Domain;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Closing;

namespace Grants.Api.Services.Clawbacks;

/// <summary>Nothing more is expected of an award once its last clawback is recovered or written off: the same append
/// closes it, when the domain agrees it is settled (fully paid, nothing in flight).</summary>
public static class Settlement
{
    public const string ClosingNote = "settled: every clawback recovered or written off";

    public static Result ThenCloseIfSettled(this Result result, ApplicationDecision d, DateOnly on)
    {
        if (result is not Result.Ok ok)
            return result;
        var after = ok.Events.Aggregate(d.State, ApplicationDecider.Evolve);
        if (after.Id is null || after.Clawbacks.Any(c => c.IsOpen))
            return result;
        return ApplicationDecider.Decide(new CloseApplication(after.Id, ClosingNote, on), after, d.Context) is Result.Ok closed
            ? Result.Success([.. ok.Events, .. closed.Events])
            : result;
    }
}
