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

    public bool TryParse(string? text, out ReportPeriod period)
    {
        period = default;
        if (text is null || !TryParseStart(text, out var start)) return false;
        period = new ReportPeriod(this, start);
        return true;
    }

    /// <summary>The period that contains <paramref name="day"/>.</summary>
    public ReportPeriod Containing(DateOnly day) => new(this, StartOf(day));

    /// <summary>The latest period that has ended before <paramref name="day"/>: what a schedule firing that day reports on.</summary>
    public ReportPeriod LatestEndedBefore(DateOnly day) => Containing(day).Previous;

    /// <summary>A one-line reason a text is not a period of this type.</summary>
    public string Refusal(string? text) => $"'{text}' is not a {Name} like {Example} ({Placeholder})";

    public override string ToString() => Name;

    protected abstract bool TryParseStart(string text, out DateOnly start);

    protected internal abstract DateOnly StartOf(DateOnly day);

    protected internal abstract DateOnly Shift(DateOnly start, int periods);

    protected internal abstract DateOnly EndOf(DateOnly start);

    protected internal abstract string Format(DateOnly start);

    protected internal abstract string Words(DateOnly start);
}
