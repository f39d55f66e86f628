using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ReportEngine.Service;

namespace ReportEngine.Testing;

/// <summary>
/// The service <c>serve</c> runs, hosted in the test's own process as <c>WebApplicationFactory</c> hosts an app (eShop's
/// functional tests), but on a real loopback port so that a real browser can reach it too: built by
/// <see cref="ServiceHost.Build"/> with the settings of <see cref="ServeProcess"/>, its log kept in memory. The tests of
/// killing, restarting and listening keep real processes (<see cref="ServeProcess"/>).
/// </summary>
/// <remarks>
/// One per test process: Hangfire keeps its job storage, filters and log in statics, and the service names its job
/// server after the process.
/// </remarks>
public sealed class InProcessServe : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MemoryLog _log;

    private InProcessServe(WebApplication app, MemoryLog log)
    {
        _app = app;
        _log = log;
        Url = app.Urls.Single();
    }

    public string Url { get; }
    public string Log => _log.Text;

    /// <param name="settings">Settings beyond <see cref="ServeProcess.Settings"/>, as configuration keys (<c>ReportEngine:TrustedProxies</c>).</param>
    public static async Task<InProcessServe> StartAsync(string database, string outputFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var log = new MemoryLog();
        // Port 0: the system picks a free one, which the server's addresses then show.
        var (app, failures) = ServiceHost.Build(Repo.Root, database, "http://127.0.0.1:0", builder =>
        {
            builder.Configuration.AddInMemoryCollection(ServeProcess.Settings(outputFolder).Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))
                .Append(KeyValuePair.Create("ReportEngine:SignIn:KeyFile", (string?)ServeProcess.SignInKeyFile(database))));
            // Added after, so that they win over the defaults.
            builder.Configuration.AddInMemoryCollection((settings ?? new Dictionary<string, string>()).Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
            builder.Logging.ClearProviders().AddProvider(log);
        });
        if (app is null) throw new InvalidOperationException($"serve's settings were refused:\n{string.Join('\n', failures)}");
        await app.StartAsync();
        return new InProcessServe(app, log);
    }

    /// <summary>A client of this service (<see cref="StallReport.Client"/>).</summary>
    public HttpClient Client(System.Net.CookieContainer? cookies = null) => StallReport.Client(Url, () => Log, cookies);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        // Hangfire logs through the application's logger factory, set in a static: the tests' own job clients, made
        // after this service is gone, would find it disposed.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
    }

    /// <summary>Every log entry as one line: category, level, message and exception.</summary>
    private sealed class MemoryLog : ILoggerProvider
    {
        private readonly System.Text.StringBuilder _text = new();

        public string Text { get { lock (_text) return _text.ToString(); } }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(MemoryLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                lock (log._text) log._text.Append($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}").AppendLine(exception?.ToString());
            }
        }
    }
}
