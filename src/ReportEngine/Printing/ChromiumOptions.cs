using System.ComponentModel.DataAnnotations;

namespace ReportEngine.Printing;

/// <summary>How the headless Chromium that prints packs is started.</summary>
public sealed class ChromiumOptions
{
    /// <summary>Debian's Chromium; PuppeteerSharp never downloads a browser of its own.</summary>
    [Required]
    public string ExecutablePath { get; set; } = Environment.GetEnvironmentVariable("REPORTENGINE_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Longest a single print may take.</summary>
    [Range(1, 600)]
    public int PrintTimeoutSeconds { get; set; } = 120;

    /// <summary>A browser is replaced by a fresh one after this many prints (Chromium's memory creeps with use).</summary>
    [Range(1, 1_000_000)]
    public int RecycleAfterPrints { get; set; } = 250;

    /// <summary>…or as soon as the browser and its child processes hold more than this many MiB of memory.</summary>
    [Range(64, 1_048_576)]
    public int RecycleAboveMegabytes { get; set; } = 1536;

    internal static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];
}
