using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PuppeteerSharp;

namespace ReportEngine.Printing;

/// <summary>
/// One warm headless Chromium, started on first use, started again if it dies, and replaced by a fresh one after
/// <see cref="ChromiumOptions.RecycleAfterPrints"/> prints, above <see cref="ChromiumOptions.RecycleAboveMegabytes"/>, or
/// when a print hangs. Prints hold a <see cref="BrowserLease"/>, so a browser being replaced finishes the prints it has
/// before it closes. Each launch gets a fresh <c>--user-data-dir</c> that names its owner, deleted when the browser
/// closes. A process killed outright cannot close its browser, so before the first launch each process sweeps the
/// browsers of owners that are gone (only those in profile folders the engine made: nobody else's Chromium is touched).
/// </summary>
public sealed class ChromiumBrowser(ChromiumOptions options, ILoggerFactory? loggerFactory = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ChromiumBrowser>();
    private readonly List<BrowserGeneration> _retiring = [];
    private BrowserGeneration? _current;

    /// <summary>The memory of the browser measured after its last print (<see cref="ReturnAsync"/>).</summary>
    private Task _measured = Task.CompletedTask;

    public const string ProfilePrefix = "reportengine-chromium-";
    public const string OwnerFileName = "reportengine-owner";
    private static int _swept;

    public ChromiumOptions Options => options;

    /// <summary>How many browsers this process has started (a recycled or crashed one is replaced by the next).</summary>
    public int Launches { get; private set; }

    /// <summary>The warm browser for one print (or, with <paramref name="print"/> false, a look that is not counted as one).</summary>
    public async Task<BrowserLease> LeaseAsync(bool print = true, CancellationToken cancellationToken = default)
    {
        // The last print's memory is measured before the next print is given a browser, so that one above the ceiling
        // is never printed on again.
        await Volatile.Read(ref _measured).WaitAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { Browser.IsConnected: false } dead)
            {
                _logger.LogWarning("Chromium stopped answering after {Prints} prints; starting another", dead.Prints);
                Retire(dead);
            }
            _current ??= await LaunchAsync(cancellationToken);
            _current.Active++;
            if (print) _current.Prints++;
            return new BrowserLease(this, _current);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Ends a lease; a browser past its limits (or whose print hung) is retired, and closed once its last print ends.</summary>
    internal async Task ReturnAsync(BrowserGeneration generation, bool hung)
    {
        await RetireAsync(generation, () =>
        {
            generation.Active--;
            if (hung) generation.Hung = true;
            return generation.Hung ? "a print that did not finish in time"
                : generation.Prints >= options.RecycleAfterPrints ? $"{generation.Prints} prints"
                : null;
        });
        // Reading the memory of Chromium's processes reads every process's /proc entry: 2–3 ms that the report which
        // just printed need not wait for (issue 26). It is read on the side; the next lease waits for it.
        if (!hung && generation.Browser.Process is { } process)
            Volatile.Write(ref _measured, Task.Run(() => RetireAsync(generation, () =>
                ProcessTree.ResidentBytes(process.Id) is var bytes && bytes > options.RecycleAboveMegabytes * 1048576L
                    ? $"{generation.Prints} prints, holding {bytes / 1048576} MiB (the ceiling is {options.RecycleAboveMegabytes} MiB)"
                    : null)));
    }

    /// <summary>
    /// Retires <paramref name="generation"/> if it is the current browser and <paramref name="reason"/> (asked with the
    /// gate held) gives one, and closes it once it has no print left.
    /// </summary>
    private async Task RetireAsync(BrowserGeneration generation, Func<string?> reason)
    {
        BrowserGeneration? close = null;
        await _gate.WaitAsync();
        try
        {
            if (reason() is { } why && generation == _current)
            {
                _logger.LogInformation("Replacing Chromium after {Reason}", why);
                Retire(generation);
            }
            if (_retiring.Contains(generation) && generation.Active == 0)
            {
                _retiring.Remove(generation);
                close = generation;
            }
        }
        finally
        {
            _gate.Release();
        }
        if (close is not null) await CloseAsync(close);
    }

    private void Retire(BrowserGeneration generation)
    {
        if (_current == generation) _current = null;
        if (!_retiring.Contains(generation)) _retiring.Add(generation);
    }

    private async Task<BrowserGeneration> LaunchAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(options.ExecutablePath))
            throw new BrowserUnavailableException(
                $"Chromium was not found at {options.ExecutablePath}. Install it with 'apt-get install -y chromium' or set REPORTENGINE_CHROMIUM.");
        if (Interlocked.Exchange(ref _swept, 1) == 0)
        {
            var orphans = await OrphanSweep.RunAsync();
            if (orphans > 0) _logger.LogWarning("Stopped {Count} Chromium processes left by a ReportEngine process that was killed", orphans);
        }
        var profile = Directory.CreateTempSubdirectory(ProfilePrefix).FullName;
        try
        {
            using (var self = System.Diagnostics.Process.GetCurrentProcess())
                await File.WriteAllTextAsync(Path.Combine(profile, OwnerFileName), $"{self.Id} {self.StartTime.ToUniversalTime().Ticks}", cancellationToken);
            var browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = options.ExecutablePath,
                Headless = true,
                Args = [.. ChromiumOptions.Arguments, $"--user-data-dir={profile}"],
                Timeout = 60_000,
                // Every DevTools call waits at most this long (180 s by default, whatever the print's own deadline): a
                // long report's print must be cut off by PrintTimeoutSeconds, so the protocol waits a little longer.
                ProtocolTimeout = (options.PrintTimeoutSeconds + 30) * 1000,
            }, loggerFactory);
            Launches++;
            _logger.LogInformation("Started Chromium {Version} from {Path}", await browser.GetVersionAsync(), options.ExecutablePath);
            return new BrowserGeneration(browser, profile);
        }
        catch
        {
            await DeleteProfileAsync(profile);
            throw;
        }
    }

    private async Task CloseAsync(BrowserGeneration generation)
    {
        var browser = generation.Browser;
        try
        {
            // A browser with a hung page may not answer a polite close: it is killed with its children instead.
            if (generation.Hung && browser.Process is { } hung) ProcessTree.Kill(hung.Id);
            else await browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception ex) when (ex is PuppeteerException or IOException or ObjectDisposedException or TimeoutException or InvalidOperationException)
        {
            _logger.LogWarning("Chromium did not close cleanly ({Reason}); stopping it", ex.Message);
            if (browser.Process is { } process) ProcessTree.Kill(process.Id);
        }
        browser.Dispose();
        await DeleteProfileAsync(generation.Profile);
    }

    private async Task DeleteProfileAsync(string profile)
    {
        // A warning, not a failure: the browser is closed either way.
        if (await ProfileFolder.DeleteAsync(profile) is { } problem)
            _logger.LogWarning("Could not delete Chromium profile {Folder}: {Reason}", profile, problem);
    }

    public async ValueTask DisposeAsync()
    {
        await Volatile.Read(ref _measured);
        await _gate.WaitAsync();
        try
        {
            if (_current is not null) Retire(_current);
            foreach (var generation in _retiring) await CloseAsync(generation);
            _retiring.Clear();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }
}

/// <summary>
/// One launched browser: its profile folder, the prints it has made, the prints using it now, and its pages kept warm
/// between prints (no more than were ever printed on at once; they close with the browser).
/// </summary>
internal sealed class BrowserGeneration(IBrowser browser, string profile)
{
    private readonly Stack<WarmPage> _warm = new();

    public IBrowser Browser { get; } = browser;
    public string Profile { get; } = profile;
    public int Prints { get; set; }
    public int Active { get; set; }
    public bool Hung { get; set; }

    /// <summary>A warm page to print on, or none; a page whose renderer died while it waited is closed, not given.</summary>
    public WarmPage? TakeWarmPage()
    {
        while (true)
        {
            WarmPage? page;
            lock (_warm) if (!_warm.TryPop(out page)) return null;
            if (page.Usable) return page;
            _ = page.CloseAsync();
        }
    }

    public void KeepWarm(WarmPage page)
    {
        lock (_warm) _warm.Push(page);
    }
}

/// <summary>The browser for one print; disposing it hands the browser back (<see cref="Hung"/> first, if the print hung).</summary>
public sealed class BrowserLease : IAsyncDisposable
{
    private readonly ChromiumBrowser _owner;
    private readonly BrowserGeneration _generation;
    private int _returned;

    internal BrowserLease(ChromiumBrowser owner, BrowserGeneration generation) => (_owner, _generation) = (owner, generation);

    public IBrowser Browser => _generation.Browser;

    internal WarmPage? TakeWarmPage() => _generation.TakeWarmPage();

    /// <summary>Keeps a page whose print ended well for the browser's next print (before the lease is handed back).</summary>
    internal void KeepWarm(WarmPage page) => _generation.KeepWarm(page);

    /// <summary>Set when the print did not finish in time: the browser is then killed rather than used again.</summary>
    public bool Hung { get; set; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0) await _owner.ReturnAsync(_generation, Hung);
    }
}

/// <summary>The browser could not be started (not installed, or it crashed at launch).</summary>
public sealed class BrowserUnavailableException(string message) : Exception(message);
