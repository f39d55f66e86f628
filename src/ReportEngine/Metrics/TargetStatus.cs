using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>Where a figure stands against its target: met (GREEN), missed by no more than the amber tolerance (AMBER), or missed (RED).</summary>
public static class TargetStatus
{
    public const string Green = "GREEN";
    public const string Amber = "AMBER";
    public const string Red = "RED";

    /// <param name="value">The figure's exact value (a ratio's numerator / denominator, not the figure rounded for print); null when undefined.</param>
    /// <returns>Null when the value is.</returns>
    public static string? Of(Target target, double? value)
    {
        if (value is not { } v) return null;
        var exact = (decimal)v;
        var shortfall = target.Better == Better.Higher ? target.Value - exact : exact - target.Value;
        return shortfall <= 0 ? Green : shortfall <= target.AmberWithin ? Amber : Red;
    }

    /// <summary>The number a metric's value stands for, whatever its kind; null for a word or an undefined figure.</summary>
    public static double? NumberOf(MetricValue? value) => value switch
    {
        CountValue c => c.Value,
        NumberValue n => n.Value,
        Ratio r => r.Value,
        _ => null,
    };
}
