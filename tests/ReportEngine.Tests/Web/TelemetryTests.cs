namespace ReportEngine.Tests.Web;

/// <summary>
/// OpenTelemetry from a real <c>serve</c> process, exported over OTLP/HTTP to a receiver the test runs. The process has a
/// database of its own, so that what it exports is its own work and not another server's.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class TelemetryTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task A_report_issued_is_exported_as_a_trace_with_its_stages_and_as_metrics()
    {
        await using var telemetry = await OtlpReceiver.StartAsync();
        using var output = new TempFolder();
        var (database, tokens) = await dashboard.DatabaseWithPeopleAsync();
        await using var serve = await ServeProcess.StartAsync(database, output.Path, telemetry.Settings);
        using (var api = serve.Client())
        {
            api.DefaultRequestHeaders.Authorization = new("Bearer", tokens[DashboardFixture.Requester.Email]);
            var done = await DashboardFixture.RequestAndWaitAsync(api, new { authority = "NDC", kind = "monthly", period = "2024-01" }, () => serve.Log);
            Assert.Equal("done", done.GetProperty("status").GetString());
        }
        string[] metrics = ["reportengine.reports.issued", "reportengine.report.duration", "reportengine.stage.duration", "reportengine.queue.length",
            "http.server.request.duration"];
        string[] spans = ["issue report", "gather", "print", "reportengine.print_pass"];
        // Waited for while another expected name keeps arriving (the exports themselves come every second, whatever they hold).
        string Seen() => string.Join(' ', metrics.Where(m => telemetry.Received("metrics", m)).Concat(spans.Where(s => telemetry.Received("traces", s))));
        try
        {
            await Eventually.WaitAsync(() => Seen().Split(' ').Length == metrics.Length + spans.Length, Seen, "the exported telemetry", TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException)
        {
            // The assertions below name what never came.
        }
        Assert.All(metrics, m => Assert.True(telemetry.Received("metrics", m), $"metric {m} not exported"));
        Assert.All(spans, s => Assert.True(telemetry.Received("traces", s), $"span {s} not exported"));
        Assert.False(telemetry.Received("traces", "/health/ready"), "health checks are not traced");

        // One trace from the API request through its job, the print and the archive's writes to PostgreSQL.
        IReadOnlyList<ReceivedSpan> Trace()
        {
            var spans = telemetry.Spans();
            var request = spans.FirstOrDefault(s => s.Name == "POST /api/v1/requests");
            return request is null ? [] : spans.Where(s => s.TraceId == request.TraceId).ToList();
        }
        string Names() => string.Join(", ", Trace().Select(s => s.Name).Distinct().Order(StringComparer.Ordinal));
        // Npgsql names a command's span after the database ("postgresql"); the archive's are those under its span.
        bool Whole(IReadOnlyList<ReceivedSpan> trace) =>
            trace.Any(s => s.Name.StartsWith("job ", StringComparison.Ordinal)) && trace.Any(s => s.Name == "print")
            && trace.Where(s => s.Name == "archive").Select(a => a.SpanId).Any(archive => trace.Any(s => s.ParentSpanId == archive && s.Name == "postgresql"));
        try
        {
            await Eventually.WaitAsync(() => Whole(Trace()), Names, "the request's whole trace", TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
        }
        var trace = Trace();
        Assert.True(Whole(trace), $"the request's trace holds: {Names()}");
        var byId = trace.ToDictionary(s => s.SpanId);
        // Every span of it leads up to the request: the job's parent is the request, the print's chain reaches the job.
        var request = trace.Single(s => s.Name == "POST /api/v1/requests");
        Assert.All(trace.Where(s => s != request), s => Assert.True(byId.ContainsKey(s.ParentSpanId), $"{s.Name}'s parent is not in the trace"));
        Assert.Equal(request.SpanId, trace.First(s => s.Name.StartsWith("job ", StringComparison.Ordinal)).ParentSpanId);
        // And the logs: the service's own lines through OpenTelemetry too.
        Assert.True(telemetry.Received("logs", "Issued report"), "the log line of the report issued was not exported");
    }
}
