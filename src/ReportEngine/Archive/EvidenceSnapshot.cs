using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReportEngine.Evidence;
using ReportEngine.Gathering;

namespace ReportEngine.Archive;

/// <summary>
/// The frozen data of an archived pack: every row of the evidence it was computed from, with its provenance, as gzipped
/// JSON. The same evidence always gives the same bytes, so the snapshot's hash identifies the data.
/// </summary>
public static class EvidenceSnapshot
{
    private const string Format = "reportengine-evidence-snapshot";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new CodeEnumConverterFactory(), new BankHolidayCalendarConverter() },
    };

    private sealed record Document(string Format, int ContractVersion, EvidenceProvenance Provenance, EvidenceSet Evidence);

    /// <summary>
    /// Each gathered evidence's snapshot, made once: the service keeps one import's evidence for all the reports made
    /// from it (<see cref="EvidenceCache"/>), and freezing it again for each (JSON and gzip) cost a third of reading it.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GatheredEvidence, byte[]> Frozen = new();

    /// <summary>The snapshot's bytes (a copy of their own for each caller).</summary>
    public static byte[] Serialize(GatheredEvidence gathered) => (byte[])Frozen.GetValue(gathered, Write).Clone();

    private static byte[] Write(GatheredEvidence gathered)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            JsonSerializer.Serialize(gzip, new Document(Format, Metrics.PackMetrics.ContractVersion, gathered.Provenance, gathered.Evidence), Options);
        return buffer.ToArray();
    }

    public static GatheredEvidence Deserialize(byte[] snapshot)
    {
        using var gzip = new GZipStream(new MemoryStream(snapshot), CompressionMode.Decompress);
        var document = JsonSerializer.Deserialize<Document>(gzip, Options)
            ?? throw new InvalidDataException("The snapshot is empty.");
        if (document.Format != Format) throw new InvalidDataException($"Not an evidence snapshot: format '{document.Format}'.");
        return new GatheredEvidence(document.Evidence, document.Provenance);
    }

    /// <summary>Enums as the dataset's codes (<c>PARTLY_UPHELD</c>).</summary>
    private sealed class CodeEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(CodeEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class CodeEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            CodeNames<T>.TryParse(reader.GetString() ?? "", out var value) ? value : throw new JsonException($"'{reader.GetString()}' is not a {typeof(T).Name} code");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(CodeNames.ToCode(value));
    }

    /// <summary>null for the engine's own England and Wales rules, else the dataset's dates.</summary>
    private sealed class BankHolidayCalendarConverter : JsonConverter<BankHolidayCalendar>
    {
        public override bool HandleNull => true;

        public override BankHolidayCalendar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null
                ? BankHolidayCalendar.EnglandAndWales
                : BankHolidayCalendar.FromDates(JsonSerializer.Deserialize<DateOnly[]>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, BankHolidayCalendar value, JsonSerializerOptions options)
        {
            if (value.DatasetDates is null) writer.WriteNullValue();
            else JsonSerializer.Serialize(writer, value.DatasetDates, options);
        }
    }
}
