namespace ReportEngine.Metrics;

/// <summary>
/// How a kind of report divides time: calendar months (<c>YYYY-MM</c>) or business years, 1 April to 31 March
/// (<c>YYYY-YY</c>). A period type parses and writes its periods and knows where each starts and ends.
/// </summary>
public abstract class PeriodType
{
    public static PeriodType Month { get; } = new MonthPeriods();

    public static PeriodType BusinessYear { get; } = new BusinessYearPeriods();

    /// <summary>For people: <c>month</c>, <c>business year</c>.</summary>
    public abstract string Name { get; }

    /// <summary>How a period is written on the command line: <c>YYYY-MM</c>, <c>YYYY-YY</c>.</summary>
    public abstract string Placeholder { get; }

    /// <summary>An example of a period, for error messages: <c>2024-01</c>, <c>2023-24</c>.</summary>
    public abstract string Example { get; }

    /// <summary>
    /// The first year a period may start in: the England and Wales bank holiday rules the working-day figures count
    /// with begin with the Banking and Financial Dealings Act 1971. Figures read up to three years before a period.
    /// </summary>
    public const int FirstYear = 1971;

    /// <summary>The last year a period may start in: far enough from the calendar's end (9999) for every date a figure reads.</summary>
    public const int LastYear = 9998;

    public bool TryParse(string? text, out ReportPeriod period)
    {
        period = default;
        if (text is null || !TryParseStart(text, out var start) || start.Year is < FirstYear or > LastYear) return false;
        period = new ReportPeriod(this, start);
        return true;
    }

    /// <summary>The period that contains <paramref name="day"/>.</summary>
    public ReportPeriod Containing(DateOnly day) => new(this, StartOf(day));

    /// <summary>The latest period that has ended before <paramref name="day"/>: what a schedule firing that day reports on.</summary>
    public ReportPeriod LatestEndedBefore(DateOnly day) => Containing(day).Previous;

    /// <summary>A one-line reason a text is not a period of this type.</summary>
    /// <param name="needer">What needs the period, for the message: <c>a monthly report</c>.</param>
    public string Refusal(string? text, string? needer = null) => text is not null && TryParseStart(text, out _)
        ? $"'{text}' is outside the years {FirstYear} to {LastYear} the engine's calendar computes"
        : $"'{text}' is not a {Name} like {Example} ({Placeholder}){(needer is null ? "" : $", as {needer} needs")}";

    public override string ToString() => Name;

    protected abstract bool TryParseStart(string text, out DateOnly start);

    protected internal abstract DateOnly StartOf(DateOnly day);

    protected internal abstract DateOnly Shift(DateOnly start, int periods);

    protected internal abstract DateOnly EndOf(DateOnly start);

    protected internal abstract string Format(DateOnly start);

    protected internal abstract string Words(DateOnly start);
}
