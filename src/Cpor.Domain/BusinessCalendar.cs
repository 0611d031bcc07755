namespace Cpor.Domain;

/// <summary>
/// Business days are Monday to Friday minus the calendar's holidays. Deadlines are computed in
/// UTC when a claim enters a stage (CPOR.md §5).
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(IEnumerable<DateOnly> holidays) => _holidays = [.. holidays];

    /// <summary>A calendar with weekends only.</summary>
    public static BusinessCalendar WeekendsOnly { get; } = new([]);

    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    public bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>
    /// The moment <paramref name="businessDays"/> business days after <paramref name="start"/>,
    /// at the same time of day. A start outside business days counts from the beginning of the
    /// next business day, so a claim submitted on Saturday is due as if submitted Monday 00:00.
    /// </summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset start, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        var utc = start.ToUniversalTime();
        var day = DateOnly.FromDateTime(utc.UtcDateTime);
        var timeOfDay = utc.TimeOfDay;
        if (!IsBusinessDay(day))
        {
            day = NextBusinessDay(day);
            timeOfDay = TimeSpan.Zero;
        }

        for (var i = 0; i < businessDays; i++)
        {
            day = NextBusinessDay(day);
        }

        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + timeOfDay;
    }

    /// <summary>
    /// The time between two moments that falls on business days, for SLA reporting: a claim
    /// submitted Friday 16:00 and decided Monday 10:00 took 18 business hours.
    /// </summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var a = from.UtcDateTime;
        var b = to.UtcDateTime;
        var total = TimeSpan.Zero;
        var day = DateOnly.FromDateTime(a);
        var lastDay = DateOnly.FromDateTime(b);
        while (day <= lastDay)
        {
            if (IsBusinessDay(day))
            {
                var dayStart = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var dayEnd = dayStart.AddDays(1);
                var start = a > dayStart ? a : dayStart;
                var end = b < dayEnd ? b : dayEnd;
                if (end > start)
                {
                    total += end - start;
                }
            }

            day = day.AddDays(1);
        }

        return total;
    }

    private DateOnly NextBusinessDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsBusinessDay(day));

        return day;
    }
}
