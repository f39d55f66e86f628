namespace ReportEngine.Metrics;

/// <summary>Shorthand for the lists of figures under their keys (<c>using static</c>).</summary>
internal static class MetricKeys
{
    public static KeyValuePair<string, MetricValue> K(string key, MetricValue value) => new(key, value);

    public static CountValue N(long n) => new(n);
}
