using System.Diagnostics;
using ReportEngine.Editions;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Rendering;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// What each edition costs beside the PDF, in one run on one browser: the sample monthly pack, and the quality-statement
/// report (LEARNING) of the sample scaled <c>times</c> over (about 500 pages at 530×). The PDF is the issuing path's
/// render (compute, compose, print); each other edition is made from that render's view model as `pack --format` makes
/// it (the HTML edition's page composed again without page numbers, then the page, workbook or document written).
/// </summary>
internal static class EditionsBenchmark
{
    public static async Task RunAsync(int runs, int times)
    {
        await using var browser = new ChromiumBrowser(new ChromiumOptions());
        var renderers = BenchRenderer.Renderers(browser);
        MarkdownTable.Header("report", "pages", "edition", "median (ms)", "× the PDF's time", "size (KiB)");
        await MeasureAsync(browser, renderers, "sample monthly pack", BenchRenderer.Request(Repo.Sample), runs);
        using var big = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, big.Path, times);
        await MeasureAsync(browser, renderers, $"quality-statement LEARNING, sample {times}×",
            BenchRenderer.Request(big.Path, ReportKinds.QualityStatement, statement: Evidence.QualityStatement.Learning), Math.Max(1, runs / 5));
    }

    private static async Task MeasureAsync(ChromiumBrowser browser, ReportRenderers renderers, string name, Issuing.ReportRequest request, int runs)
    {
        var issuer = BenchRenderer.Issuer(browser);
        RenderedReport pack = null!;
        await issuer.IssueAsync(request); // warm-up
        var pdf = await Stats.MedianMsAsync(runs, async () => pack = (await issuer.IssueAsync(request)).Rendered!);
        var pages = PdfText.PerPage(pack.Pdf).Count;
        var renderer = renderers.For(request.Report.Kind);
        Console.WriteLine($"| {name} | {pages:N0} | PDF (gather, compute, compose, print) | {pdf:F0} | 1.00 | {pack.Pdf.Length / 1024.0:F0} |");
        foreach (var format in new[] { EditionFormat.Html, EditionFormat.Xlsx, EditionFormat.Docx })
        {
            byte[] bytes = [];
            ReportEditions.Make(pack, renderer, [format]); // warm-up
            var times = new List<TimeSpan>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                bytes = ReportEditions.Make(pack, renderer, [format])[0].Bytes;
                times.Add(watch.Elapsed);
            }
            var ms = Stats.Median(times);
            Console.WriteLine($"| {name} | {pages:N0} | {format} | {ms:F0} | {ms / pdf:F2} | {bytes.Length / 1024.0:F0} |");
        }
    }
}
