using System.Globalization;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>The finding when the rebuild cannot go past an event: it is the only one, since everything after it
/// would be rebuilt on a wrong state.</summary>
internal static class Refused
{
    public static Difference At(long position, string type, string why) =>
        new(Difference.Replay, "events", position.ToString(CultureInfo.InvariantCulture), null, null, $"{type} at position {position} {why}");
}
