namespace ReportEngine.Metrics;

/// <summary>
/// One item of "What needs attention": the figure or signal it is about (<c>waits.over_6_months</c>,
/// <c>attention.self_above_cqc.LEARNING</c>, a target's metric) and its tier. metrics.json's <c>attention</c> array.
/// </summary>
public sealed record AttentionSignal(string Key, AttentionTier Tier);
