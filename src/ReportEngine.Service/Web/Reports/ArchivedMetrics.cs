using System.Text.Json;
using ReportEngine.Metrics;

namespace ReportEngine.Service.Web.Reports;

/// <summary>What an archived report's metrics.json says: each figure under its key, and "What needs attention" when the kind has one.</summary>
public sealed record ArchivedMetrics(IReadOnlyDictionary<string, JsonElement> Figures, IReadOnlyList<AttentionSignal> Attention)
{
    public static readonly ArchivedMetrics None = new(new Dictionary<string, JsonElement>(), []);

    /// <summary>Reads metrics.json (metrics.md, coverage.md); a part it does not have is empty.</summary>
    public static ArchivedMetrics Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var figures = root.TryGetProperty("metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Object
            ? metrics.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var attention = root.TryGetProperty("attention", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String
                               && item.TryGetProperty("tier", out var t) && t.TryGetInt32(out var tier) && Enum.IsDefined((AttentionTier)tier))
                .Select(item => new AttentionSignal(item.GetProperty("key").GetString()!, (AttentionTier)item.GetProperty("tier").GetInt32()))
                .ToList()
            : [];
        return new ArchivedMetrics(figures, attention);
    }

    /// <summary>benchmarks.md: England's figure, its period and the quarter of councils beside <paramref name="key"/>; null when none was published.</summary>
    public string? EnglandBeside(string key) =>
        Value($"benchmark.{key}.ENGLAND") is { ValueKind: JsonValueKind.Number } england
        && Value($"benchmark_period.{key}.ENGLAND") is { ValueKind: JsonValueKind.String } period
            ? Composition.Monthly.ComparisonView.EnglandLine(key, england.GetDouble(), period.GetString()!,
                Value($"quartile.{key}") is { ValueKind: JsonValueKind.Number } quartile && quartile.TryGetInt32(out var q) ? q : null)
            : null;

    private JsonElement? Value(string key) =>
        Figures.TryGetValue(key, out var metric) && metric.ValueKind == JsonValueKind.Object && metric.TryGetProperty("value", out var value) ? value : null;
}
