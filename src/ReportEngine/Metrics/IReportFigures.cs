namespace ReportEngine.Metrics;

/// <summary>The figures of one report, under their metric keys in the order metrics.json lists them.</summary>
public interface IReportFigures
{
    IEnumerable<KeyValuePair<string, MetricValue>> ByKey();

    /// <summary>Which of the figures the data covers (coverage.md); null for a kind whose figures read no event file's window.</summary>
    FigureCoverage? Coverage => null;

    /// <summary>"What needs attention" in print order (coverage.md); null for a kind that has no such list.</summary>
    IReadOnlyList<AttentionSignal>? Attention => null;
}
