namespace ReportEngine.Metrics;

/// <summary>
/// Date arithmetic on a dataset's dates, which may be any valid date, 0001-01-01 and 9999-12-31 included
/// (data-contract.md). A window or deadline that would run past either end of the calendar stops at that end: no date
/// can lie beyond it, so what is counted does not change, and a figure is computed where .NET would throw.
/// </summary>
internal static class CalendarEnds
{
    /// <summary><paramref name="date"/> plus <paramref name="months"/> calendar months (as <see cref="DateOnly.AddMonths"/>), kept within the calendar.</summary>
    public static DateOnly AddMonths(DateOnly date, int months)
    {
        // The month reached, counted from January of year 0, in a long: a count of months from a dataset (renewal_months)
        // may be any whole number, and DateOnly.AddMonths takes no more than the calendar's 120,000.
        var month = date.Year * 12L + date.Month - 1 + months;
        if (month < 12) return DateOnly.MinValue;
        if (month >= 10_000 * 12) return DateOnly.MaxValue;
        return date.AddMonths(months);
    }

    /// <summary><paramref name="date"/> plus <paramref name="days"/> days, kept within the calendar.</summary>
    public static DateOnly AddDays(DateOnly date, int days) =>
        DateOnly.FromDayNumber((int)Math.Clamp((long)date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
}
