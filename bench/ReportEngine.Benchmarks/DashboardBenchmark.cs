using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ReportEngine.Printing;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// From pressing "Request" to the download being ready, for the sample monthly pack through a real <c>serve</c>: the
/// API request, the queue, gathering from PostgreSQL, rendering, archiving, the status the page polls, and the PDF
/// downloaded. Beside it, in the same run, the render alone of the same pack by the issuing path in this process.
/// </summary>
internal static class DashboardBenchmark
{
    public static async Task RunAsync(int requests)
    {
        await using var postgres = ThrowawayPostgres.Create();
        var database = await TestDatabases.WithImportedAsync(await postgres.CreateDatabaseAsync(), Repo.Sample);
        var token = await BenchAccounts.RequesterTokenAsync(database, "bench@northdale.gov.uk", "NDC");
        using var output = new TempFolder();
        await using var serve = await ServeProcess.StartAsync(database, output.Path);
        using var http = new HttpClient { BaseAddress = new Uri(serve.Url), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        async Task<TimeSpan> RequestAsync(int i)
        {
            var watch = Stopwatch.StartNew();
            var body = new { authority = "NDC", kind = "monthly", period = "2024-01", regenerate = i > 0, reason = i > 0 ? $"benchmark run {i}" : null };
            var response = await http.PostAsJsonAsync("/api/v1/requests", body);
            var request = await response.Content.ReadFromJsonAsync<JsonElement>();
            // The request page asks once a second; asking every 100 ms measures the service, not the page's polling.
            while (request.GetProperty("status").GetString() is not ("done" or "failed"))
            {
                await Task.Delay(100);
                request = await http.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request.GetProperty("id").GetInt64()}");
            }
            if (request.GetProperty("status").GetString() != "done") throw new InvalidOperationException(request.ToString());
            var pdf = await http.GetByteArrayAsync($"/api/v1/packs/{request.GetProperty("archiveId").GetString()}/pdf");
            if (pdf.Length == 0) throw new InvalidOperationException("empty PDF");
            return watch.Elapsed;
        }

        await RequestAsync(0); // the first render starts the browser; a person asking later finds it warm
        await using var browser = new ChromiumBrowser(new ChromiumOptions());
        var issuer = BenchRenderer.Issuer(browser);
        var renderRequest = BenchRenderer.Request(Repo.Sample);
        await issuer.IssueAsync(renderRequest);

        var asked = new List<TimeSpan>();
        var rendered = new List<TimeSpan>();
        for (var i = 1; i <= requests; i++)
        {
            asked.Add(await RequestAsync(i));
            Console.Error.WriteLine($"request {i}: {asked[^1].TotalMilliseconds:F0} ms");
            var watch = Stopwatch.StartNew();
            await issuer.IssueAsync(renderRequest);
            rendered.Add(watch.Elapsed);
            Console.Error.WriteLine($"render {i}: {rendered[^1].TotalMilliseconds:F0} ms");
        }

        Console.WriteLine($"Sample monthly pack: {requests} requests through the API of a real serve, one after another, each regenerated (so rendered), interleaved with renders in this process");
        Console.WriteLine();
        Console.WriteLine("| | median ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| \"Request\" pressed → PDF downloaded | {Stats.Median(asked):F0} | {Stats.Percentile(asked, 95):F0} |");
        Console.WriteLine($"| the same pack rendered alone (issuing path, no archive) | {Stats.Median(rendered):F0} | {Stats.Percentile(rendered, 95):F0} |");
        Console.WriteLine();
        Console.WriteLine($"- request / render alone: **{Stats.Median(asked) / Stats.Median(rendered):F2}×** at the median");
    }
}
