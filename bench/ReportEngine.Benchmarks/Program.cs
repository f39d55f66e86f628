using System.Diagnostics;
using System.Globalization;
using ReportEngine.Gathering;
using ReportEngine.Layout;
using ReportEngine.Metrics;
using ReportEngine.Packs;
using ReportEngine.Templating;
using UglyToad.PdfPig;

// Pack benchmark: the sample monthly pack with a warm browser, split by stage, against Chromium alone printing the same
// final HTML the same number of times through the same browser settings. Runs are interleaved so drift hits both alike.
//   dotnet run -c Release --project bench/ReportEngine.Benchmarks -- [iterations] [warmup]
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var warmup = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var root = FindRoot();
var period = new ReportingPeriod(2024, 1);
var source = new DatasetFolderSource(Path.Combine(root, "samples", "northdale"));

await using var browser = new ChromiumBrowser(new ChromiumOptions());
var printer = new ChromiumPdfPrinter(browser);
var renderer = new PackRenderer(PackKind.Monthly, new HtmlTemplateRenderer(TemplateSet.Load(Path.Combine(root, "templates"), "monthly")),
    printer, new PackOptions(), TimeProvider.System);

var packs = new List<PackTimings>();
var alone = new List<TimeSpan>();
var pages = 0;
for (var i = 0; i < warmup + iterations; i++)
{
    var pack = await renderer.RenderAsync(source, period);
    var watch = Stopwatch.StartNew();
    for (var pass = 0; pass < pack.PrintPasses; pass++) await printer.PrintAsync(pack.FinalPrint);
    var chromiumAlone = watch.Elapsed;
    if (i < warmup) continue;
    packs.Add(pack.Timings);
    alone.Add(chromiumAlone);
    using var pdf = PdfDocument.Open(pack.Pdf);
    pages = pdf.NumberOfPages;
}

static double Median(IEnumerable<TimeSpan> values)
{
    var sorted = values.Select(v => v.TotalMilliseconds).Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

var total = Median(packs.Select(p => p.Total));
var floor = Median(alone);
Console.WriteLine($"Sample monthly pack, {pages} pages, {iterations} measured runs after {warmup} warm-up runs (median ms)");
Console.WriteLine();
Console.WriteLine("| stage | median ms |");
Console.WriteLine("|---|---:|");
Console.WriteLine($"| load (gather and validate the dataset) | {Median(packs.Select(p => p.Gather)):F1} |");
Console.WriteLine($"| compute (every metric) | {Median(packs.Select(p => p.Compute)):F1} |");
Console.WriteLine($"| template (view model and HTML, both passes) | {Median(packs.Select(p => p.Template)):F1} |");
Console.WriteLine($"| print (two Chromium prints and reading the first one's bookmarks) | {Median(packs.Select(p => p.Print)):F1} |");
Console.WriteLine($"| **whole pack** | **{total:F1}** |");
Console.WriteLine($"| Chromium alone: the same final HTML printed twice | {floor:F1} |");
Console.WriteLine();
Console.WriteLine($"- pack / Chromium alone: **{total / floor:F2}×** (target: under 1.5×)");
Console.WriteLine($"- pages per second: {pages / (total / 1000):F1}");
Console.WriteLine($"- peak memory: engine process {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB; Chromium processes {ChromiumPeakMiB(browser):F0} MiB (sum of each process's peak)");

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ReportEngine.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("run from inside the repository");
}

// VmHWM of the browser and every process below it (renderers, GPU, utility).
static double ChromiumPeakMiB(ChromiumBrowser browser)
{
    var total = 0L;
    foreach (var status in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "status")).Where(File.Exists))
    {
        string text;
        try { text = File.ReadAllText(status); } catch (IOException) { continue; }
        if (!text.Contains("Name:\tchromium", StringComparison.Ordinal) && !text.Contains("Name:\tchrome", StringComparison.Ordinal)) continue;
        var hwm = text.Split('\n').FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (hwm is not null) total += long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
    GC.KeepAlive(browser);
    return total / 1024.0;
}
