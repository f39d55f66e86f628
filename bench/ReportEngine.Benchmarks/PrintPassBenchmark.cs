using System.Diagnostics;
using ReportEngine.Kinds;
using ReportEngine.Layout;
using ReportEngine.Testing;
using UglyToad.PdfPig;

namespace ReportEngine.Benchmarks;

/// <summary>
/// What the first print (read only for page numbers) costs against the final one, for the sample pack and for a long
/// report: the quality-statement report over a dataset scaled <c>times</c> over. Both prints of the same document are
/// interleaved in one browser, so drift hits both alike; the cost per page compares the long report with the sample.
/// </summary>
internal static class PrintPassBenchmark
{
    public static async Task RunAsync(int runs, int times)
    {
        await using var browser = new ChromiumBrowser(new ChromiumOptions());
        var printer = new ChromiumPdfPrinter(browser);
        var issuer = BenchRenderer.Issuer(browser);
        using var big = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, big.Path, times);

        Console.WriteLine($"Median of {runs} interleaved runs per document, after one warm-up (ms)");
        Console.WriteLine();
        Console.WriteLine("| report | pages | whole report | first print (page numbers) | final print | first / final | final print ms per page |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var samplePerPage = await MeasureAsync("Sample monthly pack", BenchRenderer.Request(Repo.Sample));
        var longPerPage = await MeasureAsync($"Quality statement LEARNING, {times}-times dataset",
            BenchRenderer.Request(big.Path, ReportKinds.QualityStatement, "2024-01") with { Statement = Evidence.QualityStatement.Learning });
        Console.WriteLine();
        Console.WriteLine($"- cost per page, long report / sample pack: **{longPerPage / samplePerPage:F2}×**");

        async Task<double> MeasureAsync(string name, Issuing.ReportRequest request)
        {
            var whole = new List<TimeSpan>();
            var rendered = (await issuer.IssueAsync(request)).Rendered!; // warm-up
            var first = new List<TimeSpan>();
            var final = new List<TimeSpan>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                rendered = (await issuer.IssueAsync(request)).Rendered!;
                whole.Add(watch.Elapsed);
                watch.Restart();
                await printer.PrintAsync(rendered.FinalPrint.ForPageNumbers());
                first.Add(watch.Elapsed);
                watch.Restart();
                await printer.PrintAsync(rendered.FinalPrint);
                final.Add(watch.Elapsed);
            }
            using var pdf = PdfDocument.Open(rendered.Pdf);
            var pages = pdf.NumberOfPages;
            var (f, p) = (Stats.Median(first), Stats.Median(final));
            Console.WriteLine($"| {name} | {pages} | {Stats.Median(whole):F0} | {f:F0} | {p:F0} | {f / p:F2}× | {p / pages:F1} |");
            return p / pages;
        }
    }
}
