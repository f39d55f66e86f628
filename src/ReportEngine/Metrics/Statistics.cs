namespace ReportEngine.Metrics;

internal static class Statistics
{
    /// <summary>The median; the mean of the two middle values for an even count; null when there are none.</summary>
    public static double? Median(IEnumerable<int> values) => Median(values.ToList());

    /// <summary>The median of <paramref name="values"/>, which it sorts in place (no copy: the figures take one each month).</summary>
    public static double? Median(List<int> values)
    {
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
        if (sorted.Length == 0) return null;
        sorted.Sort();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /// <summary>Rounds half away from zero, as the pack prints and readiness percentages are defined.</summary>
    public static decimal RoundHalfUp(decimal value, int decimals = 0) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
