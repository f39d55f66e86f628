using ReportEngine.Archive;
using ReportEngine.Gathering;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Metrics;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>What archiving adds to a pack: stamping its metadata, the PDF/A-2b copy (Ghostscript), the snapshot.</summary>
internal static class ArchiveBenchmark
{
    public static async Task RunAsync(int runs)
    {
        await using var browser = new ChromiumBrowser(new ChromiumOptions());
        var renderer = BenchRenderer.Create(browser);
        var gathered = await new DatasetFolderSource(Repo.Sample).GatherAsync();
        var pack = await renderer.RenderAsync(gathered, ReportIdentity.Of(gathered.Evidence.Authority.Code, ReportKinds.Monthly, new ReportingPeriod(2024, 1)));
        const string id = "NDC-2024-01-monthly-20240201T060000Z-0000";

        byte[] snapshot = [], stamped = [], pdfa = [];
        var snapshotMs = await Stats.MedianMsAsync(runs, () => Task.FromResult(snapshot = EvidenceSnapshot.Serialize(gathered)));
        var sha = ContentStore.Sha256(snapshot);
        var stampMs = await Stats.MedianMsAsync(runs, async () => stamped = await PdfArchival.StampAsync(pack.Pdf, id, sha));
        var pdfaMs = await Stats.MedianMsAsync(runs, async () => pdfa = await PdfArchival.ToPdfA2bAsync(stamped, id, sha));
        var renderMs = pack.Timings.Total.TotalMilliseconds;

        Console.WriteLine($"Sample monthly pack, {runs} runs each (median)");
        Console.WriteLine();
        Console.WriteLine("| step | median ms | size |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| render the pack (for scale, one run) | {renderMs:F0} | {pack.Pdf.Length / 1024.0:F0} KiB |");
        Console.WriteLine($"| frozen data snapshot (gzipped JSON) | {snapshotMs:F0} | {snapshot.Length / 1024.0:F0} KiB |");
        Console.WriteLine($"| stamp archive id and snapshot hash (incremental update) | {stampMs:F0} | {stamped.Length / 1024.0:F0} KiB |");
        Console.WriteLine($"| PDF/A-2b archival copy (Ghostscript) | {pdfaMs:F0} | {pdfa.Length / 1024.0:F0} KiB |");
    }
}
