using System.Globalization;
using System.Text.Json;
using ReportEngine.Kinds;
using ReportEngine.Metrics;

namespace ReportEngine.Rendering;

/// <summary>Writes <c>metrics.json</c> in the schema at the end of metrics.md, with the report's kind (reports.md).</summary>
public static class MetricsJson
{
    public static byte[] Serialize(ReportIdentity report, IReportFigures figures)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("contract_version", PackMetrics.ContractVersion);
            json.WriteString("authority", report.Authority);
            json.WriteString("kind", report.Kind.Name);
            if (report.Statement is not null) json.WriteString("statement", report.Parameter);
            json.WriteString("period", report.Period.ToString());
            json.WriteString("period_end", report.Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartObject("metrics");
            foreach (var (key, value) in figures.ByKey())
            {
                json.WriteStartObject(key);
                Write(json, value);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
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
