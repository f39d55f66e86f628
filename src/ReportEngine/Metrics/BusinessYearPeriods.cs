using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportEngine.Metrics;

/// <summary>
/// Business years, 1 April to 31 March, written <c>2023-24</c>: the second part is the last two digits of the first
/// year plus one, so <c>2099-00</c> follows <c>2098-99</c>. Anything else (<c>2023-25</c>, <c>2023-2024</c>, <c>23-24</c>) is refused.
/// </summary>
internal sealed partial class BusinessYearPeriods : PeriodType
{
    private const int FirstMonth = 4;
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public override string Name => "business year";
    public override string Placeholder => "YYYY-YY";
    public override string Example => "2023-24";

    protected override bool TryParseStart(string text, out DateOnly start)
    {
        start = default;
        var match = Pattern().Match(text);
        if (!match.Success) return false;
        var first = int.Parse(match.Groups[1].Value, Culture);
        // The last business year that ends inside DateOnly's range starts in 9998.
        if (first is < 1 or > 9998 || (first + 1) % 100 != int.Parse(match.Groups[2].Value, Culture)) return false;
        start = new DateOnly(first, FirstMonth, 1);
        return true;
    }

    protected internal override DateOnly StartOf(DateOnly day) => new(day.Month >= FirstMonth ? day.Year : day.Year - 1, FirstMonth, 1);

    protected internal override DateOnly Shift(DateOnly start, int periods) => start.AddYears(periods);

    protected internal override DateOnly EndOf(DateOnly start) => start.AddYears(1).AddDays(-1);

    protected internal override string Format(DateOnly start) => $"{start.Year:D4}-{(start.Year + 1) % 100:D2}";

    protected internal override string Words(DateOnly start) =>
        $"{Format(start)} (April {start.Year.ToString(Culture)} to March {(start.Year + 1).ToString(Culture)})";

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
