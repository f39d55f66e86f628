using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PuppeteerSharp;

namespace ReportEngine.Layout;

/// <summary>
/// One warm headless Chromium, started on first use and again if it dies. Each launch gets a fresh
/// <c>--user-data-dir</c> that names its owner, deleted when the browser closes. A process killed outright cannot close
/// its browser, so before the first launch each process sweeps the browsers of owners that are gone (only those in
/// profile folders the engine made: nobody else's Chromium is touched).
/// </summary>
public sealed class ChromiumBrowser(ChromiumOptions options, ILoggerFactory? loggerFactory = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ChromiumBrowser>();
    private IBrowser? _browser;
    private string? _userDataDir;

    public const string ProfilePrefix = "reportengine-chromium-";
    public const string OwnerFileName = "reportengine-owner";
    private static int _swept;

    public ChromiumOptions Options => options;

    public async Task<IBrowser> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_browser is { IsConnected: true } warm) return warm;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } raced) return raced;
            await CloseAsync();
            if (!File.Exists(options.ExecutablePath))
                throw new BrowserUnavailableException(
                    $"Chromium was not found at {options.ExecutablePath}. Install it with 'apt-get install -y chromium' or set REPORTENGINE_CHROMIUM.");
            if (Interlocked.Exchange(ref _swept, 1) == 0)
            {
                var orphans = OrphanSweep.Run();
                if (orphans > 0) _logger.LogWarning("Stopped {Count} Chromium processes left by a ReportEngine process that was killed", orphans);
            }
            _userDataDir = Directory.CreateTempSubdirectory(ProfilePrefix).FullName;
            using (var self = System.Diagnostics.Process.GetCurrentProcess())
                await File.WriteAllTextAsync(Path.Combine(_userDataDir, OwnerFileName), $"{self.Id} {self.StartTime.ToUniversalTime().Ticks}", cancellationToken);
            _browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = options.ExecutablePath,
                Headless = true,
                Args = [.. ChromiumOptions.Arguments, $"--user-data-dir={_userDataDir}"],
                Timeout = 60_000,
            }, loggerFactory);
            _logger.LogInformation("Started Chromium {Version} from {Path}", await _browser.GetVersionAsync(), options.ExecutablePath);
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CloseAsync()
    {
        if (_browser is not null)
        {
            try
            {
                await _browser.CloseAsync();
            }
            catch (Exception ex) when (ex is PuppeteerException or IOException or ObjectDisposedException)
            {
                _logger.LogWarning("Chromium did not close cleanly: {Reason}", ex.Message);
            }
            _browser.Dispose();
            _browser = null;
        }
        if (_userDataDir is not null)
        {
            // Chromium's last children may still be writing to the profile as they exit: try a few times.
            for (var attempt = 1; Directory.Exists(_userDataDir); attempt++)
            {
                try
                {
                    Directory.Delete(_userDataDir, recursive: true);
                }
                catch (IOException ex) when (attempt < 5)
                {
                    _logger.LogDebug("Chromium profile {Folder} not deleted yet: {Reason}", _userDataDir, ex.Message);
                    await Task.Delay(200 * attempt);
                }
                catch (IOException ex)
                {
                    // A warning, not a failure; the next start's sweep removes it.
                    _logger.LogWarning("Could not delete Chromium profile {Folder}: {Reason}", _userDataDir, ex.Message);
                    break;
                }
            }
            _userDataDir = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await CloseAsync();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }
}

/// <summary>The browser could not be started (not installed, or it crashed at launch).</summary>
public sealed class BrowserUnavailableException(string message) : Exception(message);
