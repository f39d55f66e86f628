using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ReportEngine.Tests.Web;

/// <summary>
/// An OTLP/HTTP endpoint for <c>serve</c> to export to: it keeps what arrives at <c>/v1/traces</c>, <c>/v1/metrics</c> and
/// <c>/v1/logs</c>. The payloads are protobuf, in which names travel as plain UTF-8, so a test can look for a metric's or a
/// span's name; <see cref="Spans"/> reads the few fields of each span that say which trace it is in and under which span.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, string Content, byte[] Bytes)> _received = new();

    private OtlpReceiver(WebApplication app, string endpoint) => (_app, Endpoint) = (app, endpoint);

    public string Endpoint { get; }

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
    };

    public static async Task<OtlpReceiver> StartAsync()
    {
        var endpoint = $"http://127.0.0.1:{ServeProcess.FreePort()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(endpoint);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, endpoint);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._received.Enqueue((signal, Encoding.UTF8.GetString(body.ToArray()), body.ToArray()));
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Whether a payload of <paramref name="signal"/> (<c>traces</c> or <c>metrics</c>) held <paramref name="name"/>.</summary>
    public bool Received(string signal, string name) => _received.Any(r => r.Signal == signal && r.Content.Contains(name, StringComparison.Ordinal));

    /// <summary>Every span received: its trace, its id, its parent's id (empty for a root) and its name.</summary>
    public IReadOnlyList<ReceivedSpan> Spans()
    {
        var spans = new List<ReceivedSpan>();
        // ExportTraceServiceRequest.resource_spans (1) → ResourceSpans.scope_spans (2) → ScopeSpans.spans (2) → Span.
        foreach (var (_, _, bytes) in _received.Where(r => r.Signal == "traces"))
            foreach (var resourceSpans in Fields(bytes, 1))
                foreach (var scopeSpans in Fields(resourceSpans, 2))
                    foreach (var span in Fields(scopeSpans, 2))
                        spans.Add(new ReceivedSpan(Hex(Fields(span, 1)), Hex(Fields(span, 2)), Hex(Fields(span, 4)),
                            Encoding.UTF8.GetString(Fields(span, 5).FirstOrDefault() ?? [])));
        return spans;
    }

    private static string Hex(IEnumerable<byte[]> value) => Convert.ToHexStringLower(value.FirstOrDefault() ?? []);

    /// <summary>The length-delimited fields numbered <paramref name="number"/> of a protobuf message (the wire format alone).</summary>
    private static IEnumerable<byte[]> Fields(byte[] message, int number)
    {
        var found = new List<byte[]>();
        var at = 0;
        ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = message[at++];
                value |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80) return value;
            }
        }
        while (at < message.Length)
        {
            var key = Varint();
            switch (key & 7)
            {
                case 0: Varint(); break;
                case 1: at += 8; break;
                case 5: at += 4; break;
                case 2:
                    var length = (int)Varint();
                    if ((int)(key >> 3) == number) found.Add(message[at..(at + length)]);
                    at += length;
                    break;
                default: throw new InvalidDataException($"protobuf wire type {key & 7} at byte {at}");
            }
        }
        return found;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedSpan(string TraceId, string SpanId, string ParentSpanId, string Name);
