using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportEngine.Metrics;

/// <summary>Writes a period as <c>"2024-01"</c>.</summary>
public sealed class ReportingPeriodJsonConverter : JsonConverter<ReportingPeriod>
{
    public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReportingPeriod.TryParse(reader.GetString(), out var period) ? period : throw new JsonException($"'{reader.GetString()}' is not a month like 2024-01");

    public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
