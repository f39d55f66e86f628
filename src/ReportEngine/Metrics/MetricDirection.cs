using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>
/// Which way is better for a figure (metrics.md version 2): a targets.csv row's <c>better</c>, else the figure's own
/// direction, else none — the uphold rate, for one, is only ever "up" or "down".
/// </summary>
public static class MetricDirection
{
    private static readonly Dictionary<string, Better> Defaults = new(StringComparer.Ordinal)
    {
        ["complaints.ack_on_time_pct"] = Better.Higher,
        ["complaints.response_on_time_pct"] = Better.Higher,
        ["training.compliance_pct"] = Better.Higher,
        ["supervision.compliance_pct"] = Better.Higher,
        ["supervision.standard_pct"] = Better.Higher,
        ["readiness.evidence_freshness_pct"] = Better.Higher,
        ["actions.completed_on_time_pct_12m"] = Better.Higher,
        ["workforce.turnover_pct_12m"] = Better.Lower,
        ["workforce.agency_fte_share_pct"] = Better.Lower,
        ["complaints.overdue_open"] = Better.Lower,
        ["actions.overdue"] = Better.Lower,
        ["training.overdue"] = Better.Lower,
    };

    /// <summary>The figures with a direction of their own.</summary>
    public static IEnumerable<string> Keys => Defaults.Keys;

    public static Better? Of(string key, IReadOnlyList<Target>? targets) =>
        targets?.FirstOrDefault(t => t.Metric == key)?.Better ?? (Defaults.TryGetValue(key, out var better) ? better : null);

    /// <summary>"better", "worse", or — for a figure without a direction — "up" or "down"; null when it did not move or a side is missing.</summary>
    public static string? Word(string key, double? now, double? before, IReadOnlyList<Target>? targets)
    {
        if (now is null || before is null || now == before) return null;
        var up = now > before;
        return Of(key, targets) switch
        {
            Better.Higher => up ? "better" : "worse",
            Better.Lower => up ? "worse" : "better",
            _ => up ? "up" : "down",
        };
    }
}
