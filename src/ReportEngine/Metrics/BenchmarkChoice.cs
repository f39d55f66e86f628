using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>benchmarks.md's rules: which published figure a report uses, and which quarter of councils a figure is in.</summary>
public static class BenchmarkChoice
{
    /// <summary>The last day a published figure is for: of its month (<c>YYYY-MM</c>) or business year (<c>YYYY-YY</c>); null for neither.</summary>
    public static DateOnly? EndOf(string period) =>
        PeriodType.Month.TryParse(period, out var month) ? month.End
        : PeriodType.BusinessYear.TryParse(period, out var year) ? year.End
        : null;

    /// <summary>
    /// For one figure and area at <paramref name="asAt"/>: the row with the latest <c>published_on</c> on or before it,
    /// among rows whose period ends on or before it (what was known then); of two published the same day, the later
    /// period's. Null when there is none.
    /// </summary>
    public static Benchmark? Choose(IEnumerable<Benchmark> rows, BenchmarkArea area, DateOnly asAt) => rows
        .Where(b => b.Area == area && b.PublishedOn <= asAt && EndOf(b.Period) is { } end && end <= asAt)
        .OrderByDescending(b => b.PublishedOn).ThenByDescending(b => EndOf(b.Period))
        .FirstOrDefault();

    /// <summary>
    /// The quarter of England's councils a figure is in, 1 the best given its direction: for a figure better higher, 1 at
    /// or above the upper quartile, 2 at or above the median, 3 at or above the lower quartile, 4 below; the mirror for
    /// one better lower. A value on a boundary is in the better quarter. Null for a figure with no direction, no value, or
    /// a row without quartiles.
    /// </summary>
    public static int? Quartile(double? value, Better? better, Benchmark england)
    {
        if (value is not { } v || better is not { } direction || !england.HasQuartiles) return null;
        var (lower, median, upper) = ((double)england.LowerQuartile!.Value, (double)england.Median!.Value, (double)england.UpperQuartile!.Value);
        return direction == Better.Higher
            ? v >= upper ? 1 : v >= median ? 2 : v >= lower ? 3 : 4
            : v <= lower ? 1 : v <= median ? 2 : v <= upper ? 3 : 4;
    }
}
