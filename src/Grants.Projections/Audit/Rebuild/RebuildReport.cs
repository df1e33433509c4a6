namespace Grants.Projections.Audit.Rebuild;

/// <param name="Position">The head when the live tables were read; the replay went exactly this far.</param>
/// <param name="Tables">Each table compared with its live row count, e.g. "awards (120 rows)".</param>
/// <param name="Differences">The first ones, up to the limit asked for; <paramref name="DifferenceCount"/> counts all.</param>
/// <param name="ReplayTime">The rebuild: reading and folding the events and writing the shadow tables (not the comparison).</param>
/// <param name="ShadowDatabase">The shadow schema's name, set when it was kept.</param>
public sealed record RebuildReport(
    long Position,
    long EventsReplayed,
    TimeSpan ReplayTime,
    IReadOnlyList<string> Tables,
    long DifferenceCount,
    IReadOnlyList<Difference> Differences,
    string? ShadowDatabase)
{
    public bool Identical => DifferenceCount == 0;

    public double EventsPerSecond => ReplayTime > TimeSpan.Zero ? EventsReplayed / ReplayTime.TotalSeconds : 0;
}
