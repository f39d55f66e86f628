using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>Working days: Monday to Friday except bank holidays.</summary>
public static class WorkingDays
{
    /// <summary>wd(a, b): the number of working days d with a &lt; d ≤ b (0 when b ≤ a).</summary>
    public static int Between(DateOnly a, DateOnly b, BankHolidayCalendar calendar)
    {
        var count = 0;
        // Stepped from a while short of b, so that a b of 9999-12-31 (a dataset may hold it) is never stepped past.
        for (var d = a; d < b;)
        {
            d = d.AddDays(1);
            if (calendar.IsWorkingDay(d)) count++;
        }
        return count;
    }

    /// <summary>The <paramref name="n"/>th working day after <paramref name="from"/>; the calendar's last day if it ends first.</summary>
    public static DateOnly After(DateOnly from, int n, BankHolidayCalendar calendar)
    {
        var d = from;
        while (n > 0)
        {
            if (d == DateOnly.MaxValue) return d;
            d = d.AddDays(1);
            if (calendar.IsWorkingDay(d)) n--;
        }
        return d;
    }

    /// <summary>A complaint must be acknowledged by the third working day after it was received.</summary>
    public static DateOnly AcknowledgementDeadline(DateOnly received, BankHolidayCalendar calendar) => After(received, 3, calendar);
}
