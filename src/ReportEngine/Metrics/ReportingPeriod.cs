using System.Globalization;

namespace ReportEngine.Metrics;

/// <summary>
/// The pack's month M with the windows metrics.md defines: E (its last day), R12 (the twelve months ending with M)
/// and P12 (the twelve before R12).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(ReportingPeriodJsonConverter))]
public readonly record struct ReportingPeriod
{
    public ReportingPeriod(int year, int month)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        Start = new DateOnly(year, month, 1);
        // Kept rather than worked out on each read: every figure asks them once a row, for each of 24 months.
        End = Start.AddMonths(1).AddDays(-1);
        R12Start = Start.AddMonths(-11);
        P12Start = Start.AddMonths(-23);
    }

    /// <summary>The first day of M.</summary>
    public DateOnly Start { get; }

    /// <summary>E: the last day of M.</summary>
    public DateOnly End { get; }

    public DateOnly R12Start { get; }
    public DateOnly P12Start { get; }
    public DateOnly P12End => R12Start.AddDays(-1);

    public bool InMonth(DateOnly d) => d >= Start && d <= End;
    public bool InR12(DateOnly d) => d >= R12Start && d <= End;
    public bool InP12(DateOnly d) => d >= P12Start && d <= P12End;
    public bool InR12(DateOnly? d) => d is { } v && InR12(v);

    /// <summary>The twelve months of R12, oldest first.</summary>
    public IEnumerable<ReportingPeriod> R12Months
    {
        get
        {
            var m = this;
            return Enumerable.Range(0, 12).Select(i => m.Shift(i - 11));
        }
    }

    public ReportingPeriod Shift(int months)
    {
        var d = Start.AddMonths(months);
        return new ReportingPeriod(d.Year, d.Month);
    }

    /// <summary><c>YYYY-MM</c>.</summary>
    public override string ToString() => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        if (text is null || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return false;
        period = new ReportingPeriod(d.Year, d.Month);
        return true;
    }
}
