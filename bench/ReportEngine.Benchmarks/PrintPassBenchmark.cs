using System.Diagnostics;
using ReportEngine.Kinds;
using ReportEngine.Printing;
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
        Console.WriteLine("| report | pages | whole report | whole report per page | first print (page numbers) | final print | first / final |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var samplePerPage = await MeasureAsync("Sample monthly pack", BenchRenderer.Request(Repo.Sample));
        var longPerPage = await MeasureAsync($"Quality statement LEARNING, {times}-times dataset",
            BenchRenderer.Request(big.Path, ReportKinds.QualityStatement, "2024-01", Evidence.QualityStatement.Learning));
        Console.WriteLine();
        Console.WriteLine($"- whole report's cost per page, long report / sample pack: **{longPerPage / samplePerPage:F2}×**");

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
                // Alternating which print goes first, so that neither always follows the whole report's garbage.
                foreach (var pageNumbersOnly in i % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    watch.Restart();
                    await printer.PrintAsync(pageNumbersOnly ? rendered.FinalPrint.ForPageNumbers() : rendered.FinalPrint);
                    (pageNumbersOnly ? first : final).Add(watch.Elapsed);
                }
            }
            using var pdf = PdfDocument.Open(rendered.Pdf);
            var pages = pdf.NumberOfPages;
            var (f, p) = (Stats.Median(first), Stats.Median(final));
            Console.WriteLine($"| {name} | {pages} | {Stats.Median(whole):F0} | {Stats.Median(whole) / pages:F1} | {f:F0} | {p:F0} | {f / p:F2}× |");
            return Stats.Median(whole) / pages;
        }
    }
}
