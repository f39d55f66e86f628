namespace ReportEngine.Evidence;

/// <summary>
/// Bank holidays for working-day arithmetic. The dataset's bank_holidays.csv replaces the engine's own
/// England and Wales list when present.
/// </summary>
public sealed class BankHolidayCalendar
{
    private readonly HashSet<DateOnly>? _explicit;

    private BankHolidayCalendar(IReadOnlyList<DateOnly>? datasetDates)
    {
        DatasetDates = datasetDates;
        _explicit = datasetDates?.ToHashSet();
    }

    /// <summary>The engine's own England and Wales rules, including the one-off holidays since 2011.</summary>
    public static BankHolidayCalendar EnglandAndWales { get; } = new(null);

    public static BankHolidayCalendar FromDates(IEnumerable<DateOnly> dates) => new(dates.ToArray());

    /// <summary>The dataset's own dates, in file order; null when the engine's rules apply.</summary>
    public IReadOnlyList<DateOnly>? DatasetDates { get; }

    public bool IsBankHoliday(DateOnly day) =>
        _explicit?.Contains(day) ?? EnglandAndWalesRules.HolidaysOf(day.Year).Contains(day);

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(day);

    /// <summary>True when the dataset supplied its own list.</summary>
    public bool IsFromDataset => DatasetDates is not null;
}
