using ReportEngine.Composition.Monthly;

namespace ReportEngine.Editions;

/// <summary>What a metrics.json key is, in words, for the workbook: the name people use where there is one, else the key read out.</summary>
internal static class FigureDescriptions
{
    public static string Of(string key)
    {
        if (key.StartsWith("status.", StringComparison.Ordinal)) return $"Status against the council's target: {Of(key["status.".Length..])}";
        if (key.StartsWith("trend.", StringComparison.Ordinal) && key.LastIndexOf('.') is var cut && cut > "trend.".Length)
            return $"{Of(key["trend.".Length..cut])}, {key[(cut + 1)..]}";
        var label = MetricLabels.Of(key);
        return label != key ? label : Readable(key);
    }

    /// <summary><c>safeguarding.median_days_to_decision_12m</c> → "Safeguarding: median days to decision 12m".</summary>
    private static string Readable(string key)
    {
        var dot = key.IndexOf('.');
        if (dot < 0) return key.Replace('_', ' ');
        var area = key[..dot];
        return $"{char.ToUpperInvariant(area[0])}{area[1..]}: {key[(dot + 1)..].Replace('_', ' ').Replace('.', ' ')}";
    }
}
