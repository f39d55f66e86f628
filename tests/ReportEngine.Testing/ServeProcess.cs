using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReportEngine.Testing;

/// <summary>How a test tells <c>serve</c> where to listen: each of the three ways web.md allows.</summary>
public enum ListenBy { UrlsOption, UrlsVariable, HttpPortsVariable }

/// <summary>A real <c>serve</c> process on a free loopback port, started and waited for until /health/ready answers.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();

    private ServeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public int ProcessId => _process.Id;
    public string Log { get { lock (_log) return _log.ToString(); } }

    public string Url => $"http://127.0.0.1:{Port}";

    public static async Task<ServeProcess> StartAsync(string database, string outputFolder, IReadOnlyDictionary<string, string>? settings = null,
        ListenBy listenBy = ListenBy.UrlsOption)
    {
        var port = FreePort();
        var environment = Settings(outputFolder).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment[SignInKeyFileSetting] = SignInKeyFile(database);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        string[] args = ["serve", "--db", database];
        switch (listenBy)
        {
            case ListenBy.UrlsOption: args = [.. args, "--urls", $"http://127.0.0.1:{port}"]; break;
            case ListenBy.UrlsVariable: environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}"; break;
            case ListenBy.HttpPortsVariable: environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture); break;
        }
        var process = Process.Start(CliProcess.StartInfo(environment, args))!;
        var serve = new ServeProcess(process, port);
        process.OutputDataReceived += (_, e) => { lock (serve._log) serve._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (serve._log) serve._log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            // Given up only when its log has not moved for a minute: a start on a loaded machine is slow, not stuck.
            await Eventually.WaitAsync(async () =>
            {
                if (process.HasExited) throw new InvalidOperationException($"serve exited {process.ExitCode}:\n{serve.Log}");
                try
                {
                    return (await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).IsSuccessStatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, () => Task.FromResult(serve.Log), "serve becoming healthy", TimeSpan.FromMinutes(1));
            return serve;
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown, no cleanup (its browser goes with it, as it would with the machine).</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGKILL of the server alone, as the kernel's OOM killer or a crash would: its browser is left running.</summary>
    public void KillAlone()
    {
        _process.Kill(entireProcessTree: false);
        // Not the untimed wait: that waits for the end of its output, which its orphaned browser (holding the pipes) never gives.
        _process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM, then wait for a graceful exit.</summary>
    public async Task<int> StopAsync()
    {
        Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A client of this service (<see cref="StallReport.Client"/>).</summary>
    public HttpClient Client(System.Net.CookieContainer? cookies = null) => StallReport.Client(Url, () => Log, cookies);

    /// <summary>
    /// The settings of every service a test starts: its output folder and archive beside it, two workers, a job taken
    /// over ten seconds after its process died, and the monthly schedule once a year (on a day no test runs).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Settings(string outputFolder) => new Dictionary<string, string>
    {
        ["ReportEngine:OutputFolder"] = outputFolder,
        ["ReportEngine:Archive:Folder"] = Path.Combine(outputFolder, ".archive"),
        ["ReportEngine:InvisibilityTimeout"] = "00:00:10",
        ["ReportEngine:WorkerCount"] = "2",
        ["ReportEngine:Schedules:monthly"] = "0 6 1 1 *",
        // Every test signs in from 127.0.0.1, some failing on purpose: the limit has a test of its own.
        ["ReportEngine:FailedSignInsPerMinute"] = "1000",
        // The benchmarks regenerate one report many times a run; the daily limit has a test of its own.
        ["ReportEngine:Archive:RegenerationsPerDay"] = "1000",
    };

    public const string SignInKeyFileSetting = "ReportEngine__SignIn__KeyFile";

    /// <summary>
    /// One sign-in key certificate per test database, as a council gives one to every serve on its database: the tests'
    /// services on one database have separate archive folders, beside which each would otherwise make its own.
    /// </summary>
    public static string SignInKeyFile(string database) => Path.Combine(Path.GetTempPath(), "reportengine-tests",
        $"sign-in-key-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(database)))[..16]}.pem");

    /// <summary>A loopback port nothing listens on now (the OS picks it), for a server a test starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
