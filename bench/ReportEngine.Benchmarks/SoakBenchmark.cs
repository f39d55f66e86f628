using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReportEngine.Printing;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// Many packs through one real <c>serve</c>, one request after another through the API (each a regeneration, so each is
/// rendered, archived and given its PDF/A copy), sampling after every pack the resident memory of the service and of
/// all its Chromium processes. Then the service is stopped as an operator would (SIGTERM) and the machine is searched
/// for anything it left: Chromium processes, profile folders, temporary files. Writes the samples as CSV and an SVG plot.
/// </summary>
internal static class SoakBenchmark
{
    public static async Task RunAsync(int packs, int recycleAfter, string plot)
    {
        // The service gets a temporary folder of its own, so what it leaves is told apart from what other programs on the
        // machine (a test suite starting its own browsers) leave in /tmp.
        using var temporary = new TempFolder();
        await using var postgres = ThrowawayPostgres.Create();
        var database = await TestDatabases.WithImportedAsync(await postgres.CreateDatabaseAsync(), Repo.Sample);
        var token = await BenchAccounts.RequesterTokenAsync(database, "soak@northdale.gov.uk", "NDC");
        using var output = new TempFolder();
        var serve = await ServeProcess.StartAsync(database, output.Path, new Dictionary<string, string>
        {
            ["TMPDIR"] = temporary.Path,
            ["Chromium__RecycleAfterPrints"] = recycleAfter.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore.Routing"] = "Debug",
        });
        try
        {
            await SoakAsync(serve, token, packs, recycleAfter, plot, temporary.Path);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            var text = serve.Log;
            Console.Error.WriteLine($"{ex.Message}\nserve's last log lines:\n{text[Math.Max(0, text.Length - 20000)..]}");
            // With SOAK_DUMP=FILE, the stalled service is dumped first (dotnet-dump), for 'dumpasync' to show what it awaits.
            if (Environment.GetEnvironmentVariable("SOAK_DUMP") is { Length: > 0 } dump)
                using (var collect = Process.Start("dotnet-dump", ["collect", "-p", serve.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", dump])!)
                    await collect.WaitForExitAsync();
            await serve.DisposeAsync();
            throw;
        }
    }

    private static async Task SoakAsync(ServeProcess serve, string token, int packs, int recycleAfter, string plot, string temporary)
    {
        using var http = new HttpClient { BaseAddress = new Uri(serve.Url), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var samples = new List<(int Pack, double ServeMiB, double ChromiumMiB, double Seconds)>();
        var watch = Stopwatch.StartNew();
        for (var i = 1; i <= packs; i++)
        {
            var body = new { authority = "NDC", kind = "monthly", period = "2024-01", regenerate = i > 1, reason = i > 1 ? $"soak {i}" : null };
            var request = await (await http.PostAsJsonAsync("/api/v1/requests", body)).Content.ReadFromJsonAsync<JsonElement>();
            while (request.GetProperty("status").GetString() is not ("done" or "failed"))
            {
                await Task.Delay(100);
                request = await http.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request.GetProperty("id").GetInt64()}");
            }
            if (request.GetProperty("status").GetString() != "done") throw new InvalidOperationException(request.ToString());
            var serveBytes = ProcessTree.ResidentOf(serve.ProcessId);
            var chromiumBytes = ProcessTree.ResidentBytes(serve.ProcessId) - serveBytes; // everything under serve is its browser
            samples.Add((i, serveBytes / 1048576.0, chromiumBytes / 1048576.0, watch.Elapsed.TotalSeconds));
            if (i % 50 == 0) Console.Error.WriteLine($"pack {i}: serve {samples[^1].ServeMiB:F0} MiB, Chromium {samples[^1].ChromiumMiB:F0} MiB, {watch.Elapsed.TotalMinutes:F1} min");
        }
        var exit = await serve.StopAsync();
        var log = serve.Log;
        await serve.DisposeAsync();
        await Task.Delay(2000);
        var left = Leftovers(temporary).ToList();

        double At(int pack, Func<(int Pack, double ServeMiB, double ChromiumMiB, double Seconds), double> value) =>
            samples.Where(s => Math.Abs(s.Pack - pack) <= 10).Select(value).Average(); // a 21-pack window: one sample is one moment of a sawtooth
        var first = Math.Min(100, packs / 5);
        Console.WriteLine($"{packs} monthly packs through one serve (2 workers), requested one after another through the API; Chromium recycled every {recycleAfter} prints (two per pack)");
        Console.WriteLine();
        Console.WriteLine($"| resident memory (MiB, mean of packs ±10) | pack {first} | pack {packs} | growth |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, value) in new (string, Func<(int, double ServeMiB, double ChromiumMiB, double), double>)[] { ("serve", s => s.ServeMiB), ("Chromium (all processes)", s => s.ChromiumMiB), ("both", s => s.ServeMiB + s.ChromiumMiB) })
            Console.WriteLine($"| {name} | {At(first, value):F0} | {At(packs, value):F0} | {(At(packs, value) / At(first, value) - 1) * 100:+0.0;-0.0}% |");
        Console.WriteLine();
        Console.WriteLine($"- wall time {watch.Elapsed.TotalMinutes:F1} min, {packs / watch.Elapsed.TotalMinutes:F1} packs per minute; peak serve {samples.Max(s => s.ServeMiB):F0} MiB, peak Chromium {samples.Max(s => s.ChromiumMiB):F0} MiB");
        Console.WriteLine($"- browsers replaced: {CountOf(log, "Replacing Chromium after")}; serve stopped by SIGTERM with exit code {exit}");
        Console.WriteLine($"- left behind after it stopped: {(left.Count == 0 ? "nothing (no Chromium process, profile folder or temporary file)" : string.Join(", ", left))}");

        await File.WriteAllTextAsync(Path.ChangeExtension(plot, ".csv"),
            "pack,serve_mib,chromium_mib,seconds\n" + string.Concat(samples.Select(s => FormattableString.Invariant($"{s.Pack},{s.ServeMiB:F1},{s.ChromiumMiB:F1},{s.Seconds:F1}\n"))));
        await File.WriteAllTextAsync(plot, Plot(samples.Select(s => (s.Pack, s.ServeMiB, s.ChromiumMiB)).ToList(), recycleAfter));
        Console.WriteLine($"- plot: {plot}");
    }

    /// <summary>Log lines holding <paramref name="what"/> (a JSON line holds a message twice: as written and as its format).</summary>
    private static int CountOf(string text, string what) => text.Split('\n').Count(line => line.Contains(what, StringComparison.Ordinal));

    /// <summary>Chromium processes started with a profile in <paramref name="temporary"/>, and anything left in that folder.</summary>
    private static HashSet<string> Leftovers(string temporary)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(temporary, StringComparison.Ordinal))
                    found.Add($"Chromium process {Path.GetFileName(dir)}");
            }
            catch (IOException) { }
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(temporary)) found.Add(entry);
        return found;
    }

    /// <summary>Memory over packs as an SVG line chart: the service, Chromium, and both.</summary>
    private static string Plot(IReadOnlyList<(int Pack, double Serve, double Chromium)> samples, int recycleAfter)
    {
        const int width = 900, height = 420, left = 70, right = 20, top = 50, bottom = 60;
        var maxPack = samples.Max(s => s.Pack);
        var maxMiB = Math.Ceiling(samples.Max(s => s.Serve + s.Chromium) / 250) * 250;
        double X(int pack) => left + (width - left - right) * (pack - 1) / (double)Math.Max(1, maxPack - 1);
        double Y(double mib) => top + (height - top - bottom) * (1 - mib / maxMiB);
        string Line(Func<(int Pack, double Serve, double Chromium), double> value) =>
            string.Join(" ", samples.Select(s => FormattableString.Invariant($"{X(s.Pack):F1},{Y(value(s)):F1}")));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Liberation Sans, Arial, sans-serif" font-size="13">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title>Resident memory over {maxPack} packs through one serve</title><rect width="100%" height="100%" fill="#fff"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{left}" y="24" font-size="16" font-weight="bold">Resident memory over {maxPack} packs through one serve (Chromium replaced every {recycleAfter} prints)</text>""");
        for (var mib = 0.0; mib <= maxMiB; mib += maxMiB / 5)
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{left}" x2="{width - right}" y1="{Y(mib):F1}" y2="{Y(mib):F1}" stroke="#ddd"/><text x="{left - 8}" y="{Y(mib) + 4:F1}" text-anchor="end">{mib:F0} MiB</text>""");
        foreach (var pack in new[] { 1, maxPack / 4, maxPack / 2, maxPack * 3 / 4, maxPack })
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{X(pack):F1}" y="{height - bottom + 20}" text-anchor="middle">{pack}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{(left + width - right) / 2}" y="{height - 15}" text-anchor="middle">packs issued</text>""");
        foreach (var (name, colour, value, y) in new (string, string, Func<(int, double Serve, double Chromium), double>, int)[]
                 { ("serve + Chromium", "#1d70b8", s => s.Serve + s.Chromium, 0), ("Chromium", "#d4351c", s => s.Chromium, 1), ("serve", "#00703c", s => s.Serve, 2) })
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{colour}" stroke-width="1.5" points="{Line(value)}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{width - right - 170}" y="{top + 6 + y * 18}" width="12" height="12" fill="{colour}"/><text x="{width - right - 152}" y="{top + 16 + y * 18}">{name}</text>""");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
