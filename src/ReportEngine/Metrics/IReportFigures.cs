namespace ReportEngine.Metrics;

/// <summary>The figures of one report, under their metric keys in the order metrics.json lists them.</summary>
public interface IReportFigures
{
    IEnumerable<KeyValuePair<string, MetricValue>> ByKey();
}
