using System.Globalization;

namespace Cpor.Domain.Tests;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = new(
    [
        new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26), new DateOnly(2027, 1, 1), new DateOnly(2026, 11, 11),
    ]);

    [Theory]
    // start (UTC)             business days  expected due (UTC)
    [InlineData("2026-11-16T10:00:00Z", 5, "2026-11-23T10:00:00Z")] // Monday → next Monday (Wed 11/11 is earlier)
    [InlineData("2026-11-20T14:00:00Z", 5, "2026-11-27T14:00:00Z")] // Friday → next Friday
    [InlineData("2026-11-20T14:00:00Z", 1, "2026-11-23T14:00:00Z")] // Friday + 1 → Monday
    [InlineData("2026-11-21T09:30:00Z", 5, "2026-11-30T00:00:00Z")] // Saturday counts from Monday 00:00
    [InlineData("2026-11-22T23:59:00Z", 1, "2026-11-24T00:00:00Z")] // Sunday counts from Monday 00:00
    [InlineData("2026-11-09T08:00:00Z", 5, "2026-11-17T08:00:00Z")] // crosses the 11 November holiday
    [InlineData("2026-11-11T08:00:00Z", 1, "2026-11-13T00:00:00Z")] // starts on a holiday
    [InlineData("2026-12-21T12:00:00Z", 5, "2026-12-29T12:00:00Z")] // Christmas, St Stephen's on a Saturday
    [InlineData("2026-12-28T12:00:00Z", 5, "2027-01-05T12:00:00Z")] // year end and New Year's Day
    [InlineData("2026-12-31T23:00:00Z", 1, "2027-01-04T23:00:00Z")] // last day of the year, New Year holiday, weekend
    [InlineData("2026-11-18T10:00:00Z", 0, "2026-11-18T10:00:00Z")] // zero days: now
    public void AddBusinessDays_SkipsWeekendsAndHolidays(string start, int days, string expected)
    {
        var due = Calendar.AddBusinessDays(Parse(start), days);

        Assert.Equal(Parse(expected), due);
    }

    [Theory]
    [InlineData("2026-11-20", true)]
    [InlineData("2026-11-21", false)]
    [InlineData("2026-11-22", false)]
    [InlineData("2026-11-11", false)]
    [InlineData("2026-12-25", false)]
    [InlineData("2027-01-01", false)]
    [InlineData("2027-01-04", true)]
    public void IsBusinessDay_IsWeekdayAndNotHoliday(string day, bool expected) =>
        Assert.Equal(expected, Calendar.IsBusinessDay(DateOnly.Parse(day, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-11-20T16:00:00Z", "2026-11-23T10:00:00Z", 18)] // Friday 16:00 → Monday 10:00
    [InlineData("2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z", 120)] // Monday to Monday: five full business days
    [InlineData("2026-11-09T00:00:00Z", "2026-11-16T00:00:00Z", 96)]  // the week of the 11 November holiday: four days
    [InlineData("2026-11-23T10:00:00Z", "2026-11-23T09:00:00Z", 0)]  // reversed: nothing
    public void BusinessTimeBetween_CountsOnlyBusinessHours(string from, string to, double hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), Calendar.BusinessTimeBetween(Parse(from), Parse(to)));
    }

    [Fact]
    public void AddBusinessDays_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddBusinessDays(DateTimeOffset.UnixEpoch, -1));

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
