namespace Grants.EventStore.Tests.Support;

/// <summary>A clock the test moves by hand, so "as of" reads are exact.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
