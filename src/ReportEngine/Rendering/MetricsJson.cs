using System.Globalization;
using System.Text.Json;
using ReportEngine.Kinds;
using ReportEngine.Metrics;

namespace ReportEngine.Rendering;

/// <summary>Writes <c>metrics.json</c> in the schema at the end of metrics.md, with the report's kind (reports.md) and the engine's version.</summary>
public static class MetricsJson
{
    public static byte[] Serialize(ReportIdentity report, IReportFigures figures)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("contract_version", PackMetrics.ContractVersion);
            // Which ReportEngine computed these figures (CHANGELOG.md), as the archive record and the PDF say too.
            json.WriteString("engine_version", Foundation.EngineVersion.Current);
            json.WriteString("authority", report.Authority);
            json.WriteString("kind", report.Kind.Name);
            if (report.Statement is not null) json.WriteString("statement", report.Parameter);
            json.WriteString("period", report.Period.ToString());
            json.WriteString("period_end", report.Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartObject("metrics");
            var coverage = figures.Coverage;
            foreach (var (key, value) in figures.ByKey())
            {
                json.WriteStartObject(key);
                // A status is of its figure's value, already null where the figure is not covered.
                var uncovered = coverage is null || key.StartsWith("status.", StringComparison.Ordinal) ? [] : coverage.Uncovered(key);
                if (uncovered.Count == 0) Write(json, value);
                else WriteUncovered(json, uncovered);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            if (coverage is not null) WriteCoverage(json, coverage.Data);
            if (figures.Attention is { } attention) WriteAttention(json, attention);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>coverage.md: a figure computed from days a file does not hold is no figure; no numerator or denominator either.</summary>
    private static void WriteUncovered(Utf8JsonWriter json, IReadOnlyList<string> files)
    {
        json.WriteNull("value");
        json.WriteStartArray("uncovered");
        foreach (var file in files) json.WriteStringValue(file);
        json.WriteEndArray();
    }

    /// <summary>
    /// What each event file covers, where the dataset says (coverage.md). Left out for a dataset that says nothing of its
    /// coverage, so that its metrics.json stays as it was.
    /// </summary>
    private static void WriteCoverage(Utf8JsonWriter json, DatasetCoverage data)
    {
        if (data.ExtractedOn is null && data.Known.Count == 0) return;
        json.WriteStartObject("coverage");
        foreach (var (file, span) in data.Known)
        {
            json.WriteStartObject(file);
            WriteDay(json, "from", span.From);
            WriteDay(json, "to", span.To);
            json.WriteEndObject();
        }
        if (data.ExtractedOn is { } extracted) WriteDay(json, "extracted_on", extracted);
        json.WriteEndObject();
    }

    private static void WriteAttention(Utf8JsonWriter json, IReadOnlyList<AttentionSignal> attention)
    {
        json.WriteStartArray("attention");
        foreach (var item in attention)
        {
            json.WriteStartObject();
            json.WriteString("key", item.Key);
            json.WriteNumber("tier", (int)item.Tier);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteDay(Utf8JsonWriter json, string name, DateOnly? day)
    {
        if (day is { } d) json.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else json.WriteNull(name);
    }

    private static void Write(Utf8JsonWriter json, MetricValue value)
    {
        switch (value)
        {
            case CountValue c:
                json.WriteNumber("value", c.Value);
                break;
            case NumberValue { Value: { } n }:
                json.WriteNumber("value", n);
                break;
            case TextValue { Value: { } s }:
                json.WriteString("value", s);
                break;
            case Ratio r:
                if (r.Value is { } v) json.WriteNumber("value", v);
                else json.WriteNull("value");
                json.WriteNumber("numerator", Normalise(r.Numerator));
                json.WriteNumber("denominator", Normalise(r.Denominator));
                break;
            default:
                json.WriteNull("value");
                break;
        }
    }

    // 152.60m and 152.6m are the same figure; write it one way whatever scale the arithmetic left.
    private static decimal Normalise(decimal d) => d / 1.0000000000000000000000000000m;
}
