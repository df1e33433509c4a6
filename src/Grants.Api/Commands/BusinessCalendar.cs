namespace Grants.Api.Commands;

/// <summary>"Today" for commands that carry no date of their own. Grants serves Shanghai, so the calendar is China
/// Standard Time (UTC+8, no daylight saving): a call at 23:30 UTC on 31 December is already 1 January there.</summary>
public static class BusinessCalendar
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);
}
