using Bogus;

namespace Grants.History.Lifecycle;

/// <summary>The dates of one application's steps: each a few days after the last, never past the measure's window
/// (approvals and payments must fall inside it; a clamped step simply shares the last day).</summary>
public sealed class Calendar(Faker f, DateOnly start, DateOnly last)
{
    public DateOnly Today { get; private set; } = start;

    public DateOnly After(int minDays, int maxDays)
    {
        var next = Today.AddDays(f.Random.Number(minDays, maxDays));
        Today = next > last ? last : next;
        return Today;
    }
}
