using System.Diagnostics;
using PuppeteerSharp;
using ReportEngine.Printing;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Printing;

/// <summary>
/// The warm browser is replaced after a number of prints, above a memory ceiling, and when a print hangs (its renderer
/// stopped with SIGSTOP); a print whose renderer crashes fails alone, and one whose renderers are killed as they start
/// fails within its deadline. Every browser replaced leaves no process and no profile folder.
/// </summary>
[Collection(BrowserRecyclingCollection.Name)]
public sealed class BrowserRecyclingTests(SamplePackFixture fixture)
{
    private PrintJob Job => fixture.Pack.FinalPrint;

    private static IReadOnlyList<string> OurProfiles() =>
        Directory.GetDirectories(Path.GetTempPath(), ChromiumBrowser.ProfilePrefix + "*")
            .Where(p => File.Exists(Path.Combine(p, ChromiumBrowser.OwnerFileName))
                        && File.ReadAllText(Path.Combine(p, ChromiumBrowser.OwnerFileName)).StartsWith($"{Environment.ProcessId} ", StringComparison.Ordinal))
            .ToList();

    /// <summary>The browser processes (the main one and all it started) of each lease taken, to check they are all gone afterwards.</summary>
    private static async Task<HashSet<int>> ProcessesOfAsync(ChromiumBrowser browser)
    {
        await using var lease = await browser.LeaseAsync(print: false);
        return [.. ProcessTree.Of(lease.Browser.Process!.Id)];
    }

    /// <summary>Every process has ended (a zombie waiting for its parent has ended too); a killed one may take a moment.</summary>
    private static async Task AssertAllGoneAsync(IEnumerable<int> processes)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<string> running;
        while ((running = processes.Select(Describe).OfType<string>().ToList()).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(running.Count == 0, $"still running: {string.Join("; ", running)}");
    }

    private static string? Describe(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            if (state is "Z" or "X") return null;
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return $"{pid} ({state}) {commandLine[..Math.Min(200, commandLine.Length)]}";
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// A report takes its page as it starts, before its figures are computed (issue 26). One that fails before it prints
    /// must still hand the page and the browser back: here the browser is due for replacement at that return, so it
    /// closes, pages and all, and the next print is on a new browser.
    /// </summary>
    [Fact]
    public async Task A_page_taken_ahead_and_never_printed_on_is_handed_back_with_its_browser()
    {
        var browser = new ChromiumBrowser(new ChromiumOptions { RecycleAfterPrints = 2 });
        await using (browser)
        {
            var printer = new ChromiumPdfPrinter(browser);
            await printer.PrintAsync(Job);
            IBrowser first;
            await using (var lease = await browser.LeaseAsync(print: false)) first = lease.Browser;

            await using (printer.OpenPage()) { }

            Assert.True(first.IsClosed, "the browser due for replacement is still open");
            var printed = await printer.PrintAsync(Job);
            Assert.NotEmpty(printed.Pdf);
            Assert.Equal(2, browser.Launches);
        }
    }

    /// <summary>
    /// A page is kept warm between prints (issue 26): the next print opens no page, and prints its own document, not the
    /// one before it. A page whose print failed is closed rather than kept (the crash case below).
    /// </summary>
    [Fact]
    public async Task The_next_print_is_on_the_page_the_last_one_kept_warm_and_prints_its_own_document()
    {
        await using var browser = new ChromiumBrowser(new ChromiumOptions());
        var printer = new ChromiumPdfPrinter(browser);
        static PrintJob Document(string words) => new($"<html><body><h1>{words}</h1></body></html>", "<span></span>", "<span></span>");
        Assert.Contains("the first document", PdfText.PerPage((await printer.PrintAsync(Document("the first document"))).Pdf)[0]);
        IBrowser chromium;
        await using (var lease = await browser.LeaseAsync(print: false)) chromium = lease.Browser;
        var opened = 0;
        void OnTargetCreated(object? sender, TargetChangedArgs e) => Interlocked.Increment(ref opened);
        chromium.TargetCreated += OnTargetCreated;
        try
        {
            var second = PdfText.PerPage((await printer.PrintAsync(Document("the second document"))).Pdf);
            Assert.Equal("the second document", Assert.Single(second).Trim());
        }
        finally
        {
            chromium.TargetCreated -= OnTargetCreated;
        }
        Assert.Equal(0, opened);
        Assert.Equal(1, browser.Launches);
    }

    [Fact]
    public async Task A_page_prints_once()
    {
        await using var browser = new ChromiumBrowser(new ChromiumOptions());
        await using var page = new ChromiumPdfPrinter(browser).OpenPage();
        Assert.NotEmpty((await page.PrintAsync(Job)).Pdf);
        await Assert.ThrowsAsync<InvalidOperationException>(() => page.PrintAsync(Job));
    }

    [Fact]
    public async Task A_browser_is_replaced_after_the_set_number_of_prints_and_leaves_nothing_behind()
    {
        var before = OurProfiles();
        var seen = new HashSet<int>();
        var browser = new ChromiumBrowser(new ChromiumOptions { RecycleAfterPrints = 3 });
        await using (browser)
        {
            var printer = new ChromiumPdfPrinter(browser);
            for (var i = 0; i < 7; i++)
            {
                seen.UnionWith(await ProcessesOfAsync(browser));
                Assert.NotEmpty((await printer.PrintAsync(Job)).Pdf);
            }
            Assert.Equal(3, browser.Launches); // prints 1–3, 4–6, 7
        }
        await AssertAllGoneAsync(seen);
        Assert.Equal(before, OurProfiles());
    }

    [Fact]
    public async Task A_browser_above_the_memory_ceiling_is_replaced_after_its_print()
    {
        await using var browser = new ChromiumBrowser(new ChromiumOptions { RecycleAboveMegabytes = 64 });
        var printer = new ChromiumPdfPrinter(browser);
        for (var i = 0; i < 3; i++) await printer.PrintAsync(Job);
        Assert.Equal(3, browser.Launches); // any Chromium holds more than 64 MiB: each print gets a fresh one
    }

    [Fact]
    public Task A_print_whose_renderer_hangs_is_cut_off_and_the_browser_restarted_and_one_whose_renderer_crashes_fails_alone() =>
        WithQuickTimeoutsAsync(async (browser, printer, seen) =>
        {
            // Every renderer of this browser is stopped as soon as it appears, as a renderer stuck in a loop would be.
            var watch = Stopwatch.StartNew();
            var hung = await Assert.ThrowsAsync<PrintFailedException>(() => WhileSignallingRenderersAsync(browser, "STOP", () => printer.PrintAsync(Job)));
            Assert.True(hung.TimedOut, hung.Message);
            Assert.Contains("the browser is restarted", hung.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"cut off after {watch.Elapsed}");

            Assert.NotEmpty((await printer.PrintAsync(Job)).Pdf);
            Assert.Equal(2, browser.Launches);
            await AssertAllGoneAsync(seen); // the hung browser was killed, stopped renderer and all

            seen.UnionWith(await ProcessesOfAsync(browser));
            var crashed = await Assert.ThrowsAsync<PrintFailedException>(() => WhileCrashingTheDocumentsRendererAsync(browser, () => printer.PrintAsync(Job)));
            Assert.False(crashed.TimedOut, crashed.Message);
            Assert.Contains("its page crashed", crashed.Message);
            Assert.NotEmpty((await printer.PrintAsync(Job)).Pdf); // the browser itself lived on
            Assert.Equal(2, browser.Launches);
        });

    /// <summary>
    /// Renderers killed at any moment, also while a page is being opened or the next one is being started, can leave
    /// Chromium waiting for a page that will never answer: the print fails within its deadline (as a crash, or as a hang
    /// whose browser is replaced), and the next print works.
    /// </summary>
    [Fact]
    public Task A_print_whose_renderers_are_killed_as_they_start_fails_within_its_deadline_and_the_next_print_works() =>
        WithQuickTimeoutsAsync(async (browser, printer, _) =>
        {
            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAsync<PrintFailedException>(() => WhileSignallingRenderersAsync(browser, "KILL", () => printer.PrintAsync(Job)));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"failed after {watch.Elapsed}");

            // A renderer killed while it was being started for the next page can hang that page, or crash it, too; a hung
            // browser is then replaced, and the print after that works.
            var next = await NextPrintAsync(printer) ?? await NextPrintAsync(printer);
            Assert.NotNull(next);
        });

    /// <summary>
    /// A browser whose prints time out after 10 s (short, but long enough for a print on a machine busy with other tests) prints once, then <paramref name="body"/> runs (adding the processes of
    /// any browser it starts to those seen); afterwards every process seen has ended and no profile folder is left.
    /// </summary>
    private async Task WithQuickTimeoutsAsync(Func<ChromiumBrowser, ChromiumPdfPrinter, HashSet<int>, Task> body)
    {
        var before = OurProfiles();
        var seen = new HashSet<int>();
        var browser = new ChromiumBrowser(new ChromiumOptions { PrintTimeoutSeconds = 10 });
        await using (browser)
        {
            var printer = new ChromiumPdfPrinter(browser);
            await printer.PrintAsync(Job);
            seen.UnionWith(await ProcessesOfAsync(browser));
            await body(browser, printer, seen);
            seen.UnionWith(await ProcessesOfAsync(browser));
        }
        await AssertAllGoneAsync(seen);
        Assert.Equal(before, OurProfiles());
    }

    private async Task<PrintedPdf?> NextPrintAsync(ChromiumPdfPrinter printer)
    {
        try
        {
            return await printer.PrintAsync(Job);
        }
        catch (PrintFailedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Crashes the renderer of the print's page once its document has loaded (DevTools' <c>Page.crash</c>: the renderer
    /// process dies), and no other process. Signals sent to every renderer in sight would also hit those Chromium is
    /// starting for the next page, which is the case above, not this one.
    /// </summary>
    private static async Task<T> WhileCrashingTheDocumentsRendererAsync<T>(ChromiumBrowser browser, Func<Task<T>> work)
    {
        IBrowser chromium;
        await using (var lease = await browser.LeaseAsync(print: false)) chromium = lease.Browser;
        var crashing = new TaskCompletionSource();
        void OnTargetCreated(object? sender, TargetChangedArgs e)
        {
            if (e.Target.Type == TargetType.Page) _ = CrashOnLoadAsync(e.Target, crashing);
        }
        chromium.TargetCreated += OnTargetCreated;
        // The print may be on a page kept warm by an earlier print, which is open already.
        var warm = await chromium.PagesAsync();
        EventHandler crashOnLoad = (sender, _) => Crash((IPage)sender!, crashing);
        foreach (var page in warm) page.Load += crashOnLoad;
        try
        {
            var result = work();
            await Task.WhenAny(result, crashing.Task);
            Assert.True(crashing.Task.IsCompleted, "the page loaded no document to crash");
            return await result;
        }
        finally
        {
            chromium.TargetCreated -= OnTargetCreated;
            foreach (var page in warm) page.Load -= crashOnLoad;
        }
    }

    private static async Task CrashOnLoadAsync(ITarget target, TaskCompletionSource crashing)
    {
        var page = await target.PageAsync();
        page.Load += (_, _) => Crash(page, crashing);
    }

    private static void Crash(IPage page, TaskCompletionSource crashing)
    {
        _ = page.Client.SendAsync("Page.crash"); // never answered: the renderer is gone
        crashing.TrySetResult();
    }

    private static async Task<T> WhileSignallingRenderersAsync<T>(ChromiumBrowser browser, string signal, Func<Task<T>> work)
    {
        int root;
        await using (var lease = await browser.LeaseAsync(print: false)) root = lease.Browser.Process!.Id;
        var task = work();
        var signalled = new HashSet<int>();
        while (!task.IsCompleted)
        {
            foreach (var pid in ProcessTree.Of(root).Where(p => !signalled.Contains(p) && IsRenderer(p)))
            {
                using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
                await kill.WaitForExitAsync();
                signalled.Add(pid);
            }
            await Task.WhenAny(task, Task.Delay(20));
        }
        return await task;
    }

    private static bool IsRenderer(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Contains("--type=renderer", StringComparison.Ordinal); }
        catch (IOException) { return false; }
    }
}
