namespace Grants.Domain.Tests.Fixtures;

public static class Dates
{
    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static readonly DateOnly Submitted = new(2025, 3, 1);
    public static readonly DateOnly Confirmed = new(2025, 3, 5);
    public static readonly DateOnly Assessed = new(2025, 3, 10);
    public static readonly DateOnly Approved = new(2025, 4, 1);
    public static readonly DateOnly Instructed = new(2025, 4, 10);
    public static readonly DateOnly Paid = new(2025, 4, 15);
    public static readonly DateOnly Later = new(2025, 6, 1);
}
