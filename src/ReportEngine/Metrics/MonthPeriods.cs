using System.Globalization;

namespace ReportEngine.Metrics;

/// <summary>Calendar months, written <c>YYYY-MM</c>.</summary>
internal sealed class MonthPeriods : PeriodType
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public override string Name => "month";
    public override string Placeholder => "YYYY-MM";
    public override string Example => "2024-01";

    protected override bool TryParseStart(string text, out DateOnly start) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", Culture, DateTimeStyles.None, out start);

    protected internal override DateOnly StartOf(DateOnly day) => new(day.Year, day.Month, 1);

    protected internal override DateOnly Shift(DateOnly start, int periods) => start.AddMonths(periods);

    protected internal override DateOnly EndOf(DateOnly start) => start.AddMonths(1).AddDays(-1);

    protected internal override string Format(DateOnly start) => start.ToString("yyyy-MM", Culture);

    protected internal override string Words(DateOnly start) => start.ToString("MMMM yyyy", Culture);
}
