using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>
/// benchmarks.md: the published figures a report's figures are read beside — England's, the region's and similar
/// councils' — each the one known at the report's period end, and where England's row gives the quartiles of councils,
/// which quarter the figure is in. In metrics.json as <c>benchmark.KEY.AREA</c>, <c>benchmark_period.KEY.AREA</c> and
/// <c>quartile.KEY</c>.
/// </summary>
public sealed record Comparisons(IReadOnlyList<Comparison> Figures)
{
    public static readonly Comparisons None = new([]);

    private static readonly string[] Prefixes = ["benchmark.", "benchmark_period.", "quartile."];

    /// <summary>Whether a metrics.json key is a comparison's (published, so always covered: coverage.md does not apply).</summary>
    public static bool IsComparisonKey(string key) => Prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));

    /// <param name="figures">The report's own figures, in its order; each that has a published figure is compared.</param>
    /// <param name="asAt">The report's period end: what was published by then is what the report shows.</param>
    public static Comparisons Of(EvidenceSet evidence, IEnumerable<KeyValuePair<string, MetricValue>> figures, DateOnly asAt, FigureCoverage? coverage)
    {
        if (evidence.Benchmarks is not { Count: > 0 } rows) return None;
        var byMetric = rows.ToLookup(b => b.Metric, StringComparer.Ordinal);
        var compared = new List<Comparison>();
        foreach (var (key, value) in figures)
        {
            if (!byMetric.Contains(key)) continue;
            var chosen = Enum.GetValues<BenchmarkArea>()
                .Select(area => BenchmarkChoice.Choose(byMetric[key], area, asAt))
                .OfType<Benchmark>().ToList();
            if (chosen.Count == 0) continue;
            var covered = coverage?.Covers(key) ?? true;
            var england = chosen.FirstOrDefault(b => b.Area == BenchmarkArea.England);
            var quartile = covered && england is { HasQuartiles: true }
                ? BenchmarkChoice.Quartile(Number(value), MetricDirection.Of(key, evidence.Targets), england) : null;
            compared.Add(new Comparison(key, chosen, quartile));
        }
        return new Comparisons(compared);
    }

    /// <summary>A figure's exact value (not rounded for print); null for text or no value.</summary>
    private static double? Number(MetricValue value) => value switch
    {
        CountValue c => c.Value,
        NumberValue n => n.Value,
        Ratio r => r.Value,
        _ => null,
    };

    public Comparison? For(string key) => Figures.FirstOrDefault(c => c.Key == key);

    public IEnumerable<KeyValuePair<string, MetricValue>> ByKey()
    {
        foreach (var comparison in Figures)
        {
            foreach (var row in comparison.Rows)
                yield return new($"benchmark.{comparison.Key}.{CodeNames.ToCode(row.Area)}", new NumberValue((double)row.Value));
            foreach (var row in comparison.Rows)
                yield return new($"benchmark_period.{comparison.Key}.{CodeNames.ToCode(row.Area)}", new TextValue(row.Period));
            if (comparison.Quartile is { } quartile) yield return new($"quartile.{comparison.Key}", new CountValue(quartile));
        }
    }
}

/// <summary>One figure's published comparisons, England first, and its quarter of England's councils (1 the best) where known.</summary>
public sealed record Comparison(string Key, IReadOnlyList<Benchmark> Rows, int? Quartile)
{
    public Benchmark? Of(BenchmarkArea area) => Rows.FirstOrDefault(r => r.Area == area);
}
