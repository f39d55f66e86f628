using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportEngine.Editions;

/// <summary>What a table cell's printed text is, for a workbook: a count, a decimal, a percentage, a date, or text.</summary>
public enum CellKind { Text, Count, Decimal, Percent, Date }

/// <summary>
/// Reads a cell as the report prints it (ReportFormat's counts, one-decimal figures, percentages and dates) back into the
/// value it shows, so that a workbook holds numbers and dates, not their text. Anything else stays text, as printed.
/// </summary>
public static partial class CellText
{
    public static (CellKind Kind, double Value) Read(string text)
    {
        var t = text.Trim();
        if (Percent().IsMatch(t) && double.TryParse(t[..^1].Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var pct))
            return (CellKind.Percent, pct / 100);
        if (Count().IsMatch(t) && double.TryParse(t.Replace(",", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            return (CellKind.Count, count);
        if (Decimal().IsMatch(t) && double.TryParse(t.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return (CellKind.Decimal, d);
        if (DateOnly.TryParseExact(t, "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (CellKind.Date, date.DayNumber - new DateOnly(1899, 12, 30).DayNumber);
        return (CellKind.Text, 0);
    }

    // A leading zero ("007") is a code, not a count.
    [GeneratedRegex(@"^-?(0|[1-9]\d{0,2}(,\d{3})*|[1-9]\d*)$")]
    private static partial Regex Count();

    [GeneratedRegex(@"^-?(0|[1-9]\d{0,2}(,\d{3})*|[1-9]\d*)\.\d+$")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"^-?(0|[1-9]\d{0,2}(,\d{3})*|[1-9]\d*)(\.\d+)?%$")]
    private static partial Regex Percent();
}
