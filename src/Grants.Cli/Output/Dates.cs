using Google.Protobuf.WellKnownTypes;

namespace Grants.Cli.Output;

/// <summary>Instants shown as the bureaus read them: the calendar in China Standard Time (UTC+8, no daylight saving).</summary>
public static class Dates
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static string Of(Timestamp? instant) =>
        instant is null ? Yuan.None : instant.ToDateTimeOffset().ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string TimeOf(Timestamp? instant) =>
        instant is null ? Yuan.None : instant.ToDateTimeOffset().ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd HH:mm:ss '+08'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(Contracts.V1.Date? date) => date is null ? Yuan.None : date.ToIsoString();

    /// <summary>The calendar date of an instant in China Standard Time.</summary>
    public static DateOnly DateIn(Timestamp instant) => DateOnly.FromDateTime(instant.ToDateTimeOffset().ToOffset(ChinaStandardTime).DateTime);
}
