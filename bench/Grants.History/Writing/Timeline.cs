using Grants.History.Setup;

namespace Grants.History.Writing;

/// <summary>Spreads submissions over each measure's window in the order applications start, leaving the last
/// 200 days for the slowest path to finish inside the window.</summary>
public sealed class Timeline(Quota quota, long expectedApplications)
{
    private const int Tail = 200;

    public DateOnly Start(AwardMeasure measure)
    {
        var days = measure.ClosesOn.DayNumber - measure.OpensOn.DayNumber - Tail;
        if (days <= 0)
            return measure.OpensOn;
        var share = Math.Min(quota.Started, expectedApplications) * days / Math.Max(1, expectedApplications);
        return measure.OpensOn.AddDays((int)share);
    }
}
