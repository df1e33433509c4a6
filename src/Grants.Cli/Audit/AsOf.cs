using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grants.Cli.Connection;

namespace Grants.Cli.Audit;

/// <summary>"As of" on the command line: a date means the end of that day in China Standard Time (what a year-end
/// report means by "as of 2025-12-31"); a date and time without offset is China Standard Time too.</summary>
public static class AsOf
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static Timestamp Parse(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var endOfDay = new DateTimeOffset(date.ToDateTime(TimeOnly.MaxValue), ChinaStandardTime);
            return Timestamp.FromDateTimeOffset(endOfDay);
        }
        if (HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return Timestamp.FromDateTimeOffset(instant);
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return Timestamp.FromDateTimeOffset(new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaStandardTime));
        throw new CliException($"--as-of '{text}' is neither a date (2025-12-31) nor a date and time (2025-12-31T18:00:00+08:00)");
    }

    /// <summary>How the moment reads back to the auditor.</summary>
    public static string Describe(string text, Timestamp moment) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? $"the end of {text} (China Standard Time)"
            : moment.ToDateTimeOffset().ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd HH:mm:ss.ffffff '+08'", CultureInfo.InvariantCulture);

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
