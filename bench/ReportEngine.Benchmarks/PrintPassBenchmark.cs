using System.Diagnostics;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Testing;
using UglyToad.PdfPig;

namespace ReportEngine.Benchmarks;

/// <summary>
/// A whole report against one Chromium print of its own final HTML, for the sample pack and for a long report: the
/// quality-statement report over a dataset scaled <c>times</c> over. The two are interleaved in one browser, in turn
/// going first, so drift (and the garbage a whole report leaves) hits both alike.
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
        var stageLines = new List<string>();
        MarkdownTable.Header("report", "pages", "prints", "whole report", "one print of its final HTML", "whole / one print", "whole report per page");
        var samplePerPage = await MeasureAsync("Sample monthly pack", BenchRenderer.Request(Repo.Sample));
        var longPerPage = await MeasureAsync($"Quality statement LEARNING, {times}-times dataset",
            BenchRenderer.Request(big.Path, ReportKinds.QualityStatement, "2024-01", Evidence.QualityStatement.Learning));
        Console.WriteLine();
        foreach (var line in stageLines) Console.WriteLine(line);
        Console.WriteLine($"- whole report's cost per page, long report / sample pack: **{longPerPage / samplePerPage:F2}×**");

        async Task<double> MeasureAsync(string name, Issuing.ReportRequest request)
        {
            var rendered = (await issuer.IssueAsync(request)).Rendered!; // warm-up
            var whole = new List<TimeSpan>();
            var print = new List<TimeSpan>();
            var stages = new List<Rendering.ReportTimings>();
            for (var i = 0; i < runs; i++)
            {
                foreach (var report in i % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    var watch = Stopwatch.StartNew();
                    if (report)
                    {
                        rendered = (await issuer.IssueAsync(request)).Rendered!;
                        stages.Add(rendered.Timings);
                    }
                    else await printer.PrintAsync(rendered.FinalPrint);
                    (report ? whole : print).Add(watch.Elapsed);
                }
            }
            using var pdf = PdfDocument.Open(rendered.Pdf);
            var pages = pdf.NumberOfPages;
            var (w, p) = (Stats.Median(whole), Stats.Median(print));
            Console.WriteLine($"| {name} | {pages} | {rendered.PrintPasses} | {w:F0} | {p:F0} | **{w / p:F2}×** | {w / pages:F1} |");
            stageLines.Add($"- {name}, median ms by stage: " + string.Join(", ", stages[0].Stages.Select(s => $"{s.Stage} {Stats.Median(stages.Select(t => t.Stages.First(x => x.Stage == s.Stage).Time)):F0}")));
            return w / pages;
        }
    }
}
