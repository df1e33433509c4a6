namespace Grants.Contracts.V1;

/// <summary>Conversions between the wire's calendar date and <see cref="DateOnly"/>, so neither the server nor the
/// CLI hand-rolls them. Validation of a client's date (range, real calendar day) is the server's job, with a
/// field violation naming the field; <see cref="TryToDateOnly"/> is the primitive it uses.</summary>
public sealed partial class Date
{
    public static Date FromDateOnly(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    /// <summary>False when the three fields do not name a real calendar day.</summary>
    public bool TryToDateOnly(out DateOnly date)
    {
        date = default;
        if (Year is < 1 or > 9999 || Month is < 1 or > 12 || Day < 1 || Day > DateTime.DaysInMonth(Year, Month))
            return false;
        date = new DateOnly(Year, Month, Day);
        return true;
    }

    public DateOnly ToDateOnly() =>
        TryToDateOnly(out var date) ? date : throw new FormatException($"{Year:0000}-{Month:00}-{Day:00} is not a calendar date.");

    /// <summary>"YYYY-MM-DD", for messages and tables (the generated ToString is JSON).</summary>
    public string ToIsoString() => $"{Year:0000}-{Month:00}-{Day:00}";
}
