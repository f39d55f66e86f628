namespace ReportEngine.Metrics;

/// <summary>operations.md's day arithmetic: everything in calendar days (only complaints count working days).</summary>
internal static class CareActDays
{
    /// <summary>days(a, b) = b − a in calendar days.</summary>
    public static int Between(DateOnly a, DateOnly b) => b.DayNumber - a.DayNumber;

    /// <summary>
    /// "Over 6 months" at <paramref name="end"/>: after <paramref name="since"/> plus six calendar months, which keep the day
    /// or take the last day of a shorter month (DateOnly.AddMonths does both).
    /// </summary>
    public static bool OverSixMonths(DateOnly since, DateOnly end) => end > CalendarEnds.AddMonths(since, 6);
}
