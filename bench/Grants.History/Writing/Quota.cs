namespace Grants.History.Writing;

/// <summary>How many events are promised against the target: each application takes its planned count before it
/// starts and settles the difference when it ends, so writers stop starting applications once the head will reach
/// the target, and the last few finish what they began.</summary>
public sealed class Quota(long head, long target)
{
    private long _promised = head;
    private long _started;

    public long Target => target;

    /// <summary>Applications started so far, across writers (spreads submission dates over the policy period).</summary>
    public long Started => Interlocked.Read(ref _started);

    public bool TryTake(int events)
    {
        if (Interlocked.Add(ref _promised, events) - events >= target)
        {
            Interlocked.Add(ref _promised, -events);
            return false;
        }
        Interlocked.Increment(ref _started);
        return true;
    }

    public void Settle(int planned, long actual) => Interlocked.Add(ref _promised, actual - planned);

    public bool Reached => Interlocked.Read(ref _promised) >= target;
}
