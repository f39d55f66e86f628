using System.Globalization;

namespace ReportEngine.Metrics;

/// <summary>
/// Whether each figure of a report for month M is covered (coverage.md): each event file it reads covers every day of
/// its window. A figure that is not covered is not a figure: metrics.json gives it no value, its status is null and it
/// is never better, worse or in need of attention.
/// </summary>
public sealed class FigureCoverage(DatasetCoverage data, ReportingPeriod month)
{
    /// <summary>The figures of a report for <paramref name="month"/> made from <paramref name="evidence"/>.</summary>
    public static FigureCoverage Of(Evidence.EvidenceSet evidence, ReportingPeriod month) => new(DatasetCoverage.Of(evidence), month);

    public DatasetCoverage Data => data;

    /// <summary>
    /// The files whose coverage <paramref name="key"/>'s window leaves, sorted; empty when it is covered. A key of
    /// another month (<c>trend.KEY.YYYY-MM</c>, <c>complaints.received_by_month.YYYY-MM</c>) has that month's window.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key has no declaration in <see cref="FigureReads"/>.</exception>
    public IReadOnlyList<string> Uncovered(string key)
    {
        // A comparison is a published figure (benchmarks.md), not made from the council's files.
        if (ReferenceEquals(data, DatasetCoverage.Complete) || Comparisons.IsComparisonKey(key)) return [];
        var (figure, forMonth) = Figure(key);
        var reads = FigureReads.Of(figure) ?? throw new InvalidOperationException($"'{figure}' has no declaration of the files it reads (FigureReads)");
        return reads
            .Where(read => { var (first, last) = read.Window.Days(forMonth); return !data.Covers(read.File, first, last); })
            .Select(read => read.File).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public bool Covers(string key) => Uncovered(key).Count == 0;

    /// <summary>The same figures for the month a year earlier.</summary>
    public FigureCoverage YearEarlier() => new(data, month.Shift(-12));

    /// <summary>The figure a key is about and the month whose window it has.</summary>
    private (string Figure, ReportingPeriod Month) Figure(string key)
    {
        if (key.StartsWith("status.", StringComparison.Ordinal)) return (key["status.".Length..], month);
        if (key.StartsWith("trend.", StringComparison.Ordinal) && MonthAtEnd(key, out var trendMonth))
            return (key["trend.".Length..key.LastIndexOf('.')], trendMonth);
        if (key.StartsWith("complaints.received_by_month.", StringComparison.Ordinal) && MonthAtEnd(key, out var countMonth))
            return (key, countMonth);
        return (key, month);
    }

    private static bool MonthAtEnd(string key, out ReportingPeriod month) =>
        ReportingPeriod.TryParse(key[(key.LastIndexOf('.') + 1)..], out month);
}
