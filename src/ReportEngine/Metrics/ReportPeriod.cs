
namespace ReportEngine.Metrics;

/// <summary>One period of a <see cref="PeriodType"/>: January 2024, or the business year 2023-24.</summary>
public readonly record struct ReportPeriod
{
    internal ReportPeriod(PeriodType type, DateOnly start)
    {
        Type = type;
        Start = start;
    }

    public PeriodType Type { get; }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start { get; }

    /// <summary>E: the period's last day, the "as at" date of its figures.</summary>
    public DateOnly End => Type.EndOf(Start);

    /// <summary>M of metrics.md: the calendar month the period ends with.</summary>
    public ReportingPeriod LastMonth => new(End.Year, End.Month);

    public ReportPeriod Previous => Shift(-1);

    public ReportPeriod Shift(int periods) => new(Type, Type.Shift(Start, periods));

    /// <summary>For people: <c>January 2024</c>, <c>2023-24 (April 2023 to March 2024)</c>.</summary>
    public string Words => Type.Words(Start);

    /// <summary><c>2024-01</c> or <c>2023-24</c>.</summary>
    public override string ToString() => Type.Format(Start);

    public static implicit operator ReportPeriod(ReportingPeriod month) => new(PeriodType.Month, month.Start);
}
