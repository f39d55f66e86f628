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

    /// <remarks>
    /// Every request a document makes is answered or aborted by the page (<see cref="WarmPage"/>), but Chromium also
    /// opens connections that are not requests and never pass the page: a <c>&lt;link rel="preconnect"&gt;</c> in the
    /// document, and the hosts it learnt an address asked for before (every print loads the same address). So all of
    /// its connections go to a proxy that is not there (port 9 on loopback, loopback included: <c>&lt;-loopback&gt;</c>
    /// removes Chromium's own exemption for it).
    /// </remarks>
    internal static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    ];
}
