using System.Text.Json;
using ReportEngine.Evidence;
using ReportEngine.Metrics;
using static ReportEngine.Metrics.AttentionRanking;

namespace ReportEngine.Composition.Monthly;

/// <summary>
/// An item of "What needs attention" in a few words, for the dashboard's home page: written from an issued report's
/// metrics.json alone (its <c>attention</c> array and its figures), so that it says what the report said.
/// </summary>
public sealed record AttentionHeadline(string Label, string Value, AttentionTier Tier)
{
    public static AttentionHeadline Of(AttentionSignal signal, IReadOnlyDictionary<string, JsonElement> figures)
    {
        string Value(string key) => figures.TryGetValue(key, out var metric) ? ReportFormat.Metric(key, metric) : ReportFormat.NotAvailable;
        var (label, value) = signal.Key switch
        {
            DiedWaiting => ("Died waiting for a Care Act assessment not started, last 12 months", Value(DiedWaiting)),
            WaitsOverSixMonths => ("Waiting over six months", string.Join("; ", Enum.GetValues<WaitKind>()
                .Select(k => (Kind: k, Key: $"{WaitsOverSixMonths}.{CodeNames.ToCode(k)}"))
                .Where(k => figures.TryGetValue(k.Key, out var m) && m.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number && v.GetDecimal() > 0)
                .Select(k => $"{Value(k.Key)} for {AttentionList.WaitWords(k.Kind)}"))),
            OpenOverSixMonths => ("Section 42 enquiries open over six months", Value(OpenOverSixMonths)),
            Undecided => ("Safeguarding concerns waiting for a decision", Value(Undecided)),
            LongestDolsWait => ("DoLS applications not completed", $"{Value(DolsNotCompleted)}; the oldest has waited {Value(LongestDolsWait)} days"),
            _ => (MetricLabels.Of(signal.Key), Value(signal.Key)),
        };
        return new AttentionHeadline(label, value, signal.Tier);
    }
}
