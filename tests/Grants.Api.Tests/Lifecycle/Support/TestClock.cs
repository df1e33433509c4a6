using System.Diagnostics;

namespace Grants.Api.Tests.Lifecycle.Support;

/// <summary>Server time that starts at a fixed instant and then runs at real speed: "today" is a known day inside the
/// policies' validity windows whenever the tests run, and recorded times still move forward.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>10:00 in Shanghai on Monday 2 June 2025: HP-2024-3 is in force (2025-01-01 to 2027-12-31).</summary>
    public static readonly DateTimeOffset June2nd2025 = new(2025, 6, 2, 2, 0, 0, TimeSpan.Zero);

    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_started);
}
