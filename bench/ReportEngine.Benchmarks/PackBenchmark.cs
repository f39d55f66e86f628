using System.Diagnostics;
using ReportEngine.Printing;
using ReportEngine.Rendering;
using ReportEngine.Testing;
using UglyToad.PdfPig;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The sample monthly pack with a warm browser, split by stage, against the least a pack can cost: Chromium printing the
/// pack's final HTML once through the same browser settings, and jsreport 4 (chrome-pdf) printing the same HTML once.
/// The three are interleaved in one run, in turn going first, so drift hits all alike, each after a pause; at one report
/// at a time and at two (two packs, two prints, two jsreport renders in flight together).
/// </summary>
internal static class PackBenchmark
{
    /// <summary>
    /// Each run starts on a machine at rest, so that one contender's clean-up is not charged to the next: jsreport closes
    /// its page after each print, and Chromium takes a core for a while to tear the page's renderer down. Run straight
    /// after one another, the pack's data stages took half as long again as they do alone (load 56–66 ms against 35–38).
    /// </summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    public static async Task RunAsync(int iterations, int warmup)
    {
        await using var browser = new ChromiumBrowser(new ChromiumOptions());
        var printer = new ChromiumPdfPrinter(browser);
        var issuer = BenchRenderer.Issuer(browser);
        var request = BenchRenderer.Request(Repo.Sample);
        await using var peer = await JsReportPeer.StartAsync(workers: 2);
        using var work = new TempFolder();

        var sample = (await issuer.IssueAsync(request)).Rendered!;
        var (html, header, footer) = (Path.Combine(work.Path, "pack.html"), Path.Combine(work.Path, "header.html"), Path.Combine(work.Path, "footer.html"));
        await File.WriteAllTextAsync(html, sample.FinalPrint.Html);
        await File.WriteAllTextAsync(header, sample.FinalPrint.HeaderHtml);
        await File.WriteAllTextAsync(footer, sample.FinalPrint.FooterHtml);
        using (var pdf = PdfDocument.Open(sample.Pdf))
            Console.WriteLine($"Sample monthly pack, {pdf.NumberOfPages} pages, {iterations} measured rounds after {warmup} warm-up rounds (median ms)");

        var stages = new List<(ReportTimings Stages, TimeSpan Whole)>();
        var contenders = new List<(string Name, Func<int, Task> Run)>
        {
            ("ReportEngine: the whole pack", async n =>
            {
                var watch = Stopwatch.StartNew();
                var packs = await Task.WhenAll(Enumerable.Range(0, n).Select(_ => issuer.IssueAsync(request)));
                if (n == 1) stages.Add((packs[0].Rendered!.Timings, watch.Elapsed));
            }),
            ("Chromium alone: the pack's final HTML printed once", n => Task.WhenAll(Enumerable.Range(0, n).Select(_ => printer.PrintAsync(sample.FinalPrint)))),
        };
        if (peer is not null)
            contenders.Add(("jsreport 4 (core 4.11, chrome-pdf 4.4): the same HTML printed once",
                n => Task.WhenAll(Enumerable.Range(0, n).Select(i => peer.PrintAsync(html, header, footer, Path.Combine(work.Path, $"jsreport-{i}.pdf"))))));

        if (peer is not null)
        {
            // Like for like: the peer's print is tagged and has the same outline (bookmarks) as ours, which costs Chromium work.
            var peerPdf = Path.Combine(work.Path, "jsreport-check.pdf");
            await peer.PrintAsync(html, header, footer, peerPdf);
            var (bookmarks, theirs) = (PrintedPages.Contents(sample.Pdf).Count, PrintedPages.Contents(await File.ReadAllBytesAsync(peerPdf)).Count);
            if (bookmarks != theirs) throw new InvalidOperationException($"jsreport's print has {theirs} bookmarks where ours has {bookmarks}: the two prints are not alike");
        }

        var results = new Dictionary<(string, int), double>();
        foreach (var atATime in new[] { 1, 2 })
        {
            var times = contenders.ToDictionary(c => c.Name, _ => new List<TimeSpan>());
            for (var round = 0; round < warmup + iterations; round++)
            {
                for (var k = 0; k < contenders.Count; k++)
                {
                    var (name, run) = contenders[(round + k) % contenders.Count];
                    var watch = Stopwatch.StartNew();
                    await run(atATime);
                    if (round >= warmup) times[name].Add(watch.Elapsed);
                    else if (atATime == 1) stages.Clear(); // the stages of the measured rounds only, as the times
                    await Task.Delay(Settle);
                }
            }
            foreach (var (name, list) in times) results[(name, atATime)] = Stats.Median(list);
        }

        Console.WriteLine();
        MarkdownTable.Header("", "one at a time (ms)", "two at a time (ms)", "reports per second, one at a time", "reports per second, two at a time");
        foreach (var (name, _) in contenders)
            Console.WriteLine($"| {name} | {results[(name, 1)]:F0} | {results[(name, 2)]:F0} | {1000 / results[(name, 1)]:F2} | {2000 / results[(name, 2)]:F2} |");
        var ours = contenders[0].Name;
        var chromium = contenders[1].Name;
        Console.WriteLine();
        MarkdownTable.Header("stage of the pack, one at a time", "median ms");
        Console.WriteLine($"| load (gather and validate the dataset) | {Stats.Median(stages.Select(p => p.Stages.Gather)):F1} |");
        Console.WriteLine($"| compute (every metric) | {Stats.Median(stages.Select(p => p.Stages.Compute)):F1} |");
        Console.WriteLine($"| template (view model and HTML: headings, placeholders, the record) | {Stats.Median(stages.Select(p => p.Stages.Template)):F1} |");
        Console.WriteLine($"| print (one Chromium print, its bookmarks read and its page numbers written) | {Stats.Median(stages.Select(p => p.Stages.Print)):F1} |");
        Console.WriteLine($"| outside the stages (the dataset's bounds, metrics.json, counting pages) | {Stats.Median(stages.Select(p => p.Whole - p.Stages.Total)):F1} |");
        Console.WriteLine();
        Console.WriteLine($"- pack / one Chromium print of its HTML, one at a time: **{results[(ours, 1)] / results[(chromium, 1)]:F2}×** (target: at most 1.1×)");
        Console.WriteLine($"- pack / one Chromium print, two at a time: **{results[(ours, 2)] / results[(chromium, 2)]:F2}×**");
        if (peer is not null)
        {
            var jsreport = contenders[2].Name;
            Console.WriteLine($"- reports per second, two at a time, ReportEngine / jsreport: **{results[(jsreport, 2)] / results[(ours, 2)]:F2}×** (target: at least 1×)");
            Console.WriteLine($"- one at a time, ReportEngine / jsreport: **{results[(jsreport, 1)] / results[(ours, 1)]:F2}×** (reports per second)");
        }
        Console.WriteLine($"- peak memory (the sum of each process's own peak): ReportEngine and its Chromium {PeakMemory.OfTree(Environment.ProcessId, peer?.ProcessId):F0} MiB" +
                          (peer is null ? "" : $"; jsreport (Node, its workers and its Chromium) {peer.PeakMiB():F0} MiB"));
    }
}
