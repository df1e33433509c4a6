namespace Grants.Projections.Audit.Replay;

/// <summary>How far a replay goes: through a position of the global order, or every event recorded at or before a
/// moment. Positions and recording times agree only roughly (an append reads the clock before it queues for the
/// head), so a moment selects by recorded_at, never by "the position current at that time".</summary>
public abstract record ReplayPoint
{
    private ReplayPoint()
    {
    }

    public sealed record AtPosition(long Position) : ReplayPoint;

    public sealed record AtMoment(DateTimeOffset Moment) : ReplayPoint;
}
