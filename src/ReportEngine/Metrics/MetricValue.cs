namespace ReportEngine.Metrics;

/// <summary>One figure of metrics.md as it appears in metrics.json.</summary>
public abstract record MetricValue;

/// <summary>A count: only <c>value</c>.</summary>
public sealed record CountValue(long Value) : MetricValue;

/// <summary>A plain number that may be undefined (a median, a rate per 100,000, a benchmark average).</summary>
public sealed record NumberValue(double? Value) : MetricValue;

/// <summary>A band or other word; null when undefined.</summary>
public sealed record TextValue(string? Value) : MetricValue;

/// <summary>
/// A ratio with its exact parts. <see cref="Value"/> is null for a zero denominator ("n/a"), never 0 or NaN.
/// </summary>
public sealed record Ratio(decimal Numerator, decimal Denominator, double? Value) : MetricValue
{
    /// <summary>100 × numerator / denominator.</summary>
    public static Ratio Percent(decimal numerator, decimal denominator) =>
        new(numerator, denominator, denominator == 0 ? null : 100.0 * (double)numerator / (double)denominator);

    /// <summary>numerator / denominator (e.g. hours per FTE).</summary>
    public static Ratio Plain(decimal numerator, decimal denominator) =>
        new(numerator, denominator, denominator == 0 ? null : (double)numerator / (double)denominator);

    public static Ratio Percent<T>(IEnumerable<T> population, Func<T, bool> counted)
    {
        long n = 0, d = 0;
        foreach (var item in population)
        {
            d++;
            if (counted(item)) n++;
        }
        return Percent(n, d);
    }
}
