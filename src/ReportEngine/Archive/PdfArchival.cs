using System.Text;
using System.Text.Json.Nodes;

namespace ReportEngine.Archive;

/// <summary>
/// What the archive does to a printed pack: stamps its archive id and snapshot hash into the PDF's document information
/// (an incremental update, which keeps every printed byte, the tags and bookmarks with them), and makes the PDF/A-2b
/// archival copy (Ghostscript, which keeps the bookmarks).
/// </summary>
public static class PdfArchival
{
    public const string ArchiveIdKey = "/ReportEngineArchiveId";
    public const string SnapshotKey = "/ReportEngineSnapshotSha256";

    /// <summary>
    /// The issued PDF: the print with its archive id and snapshot hash in its document information. Chromium's print is
    /// updated incrementally, so its printed bytes stand unchanged at the start of the issued file; a PDF whose
    /// cross-references are not a classic table (no print of ours so far) is rewritten by qpdf instead.
    /// </summary>
    public static async Task<byte[]> StampAsync(byte[] pdf, string archiveId, string snapshotSha256, CancellationToken cancellationToken = default)
    {
        var entries = new Dictionary<string, string>
        {
            ["/Subject"] = $"Inspection-readiness archive entry {archiveId}",
            ["/Keywords"] = $"archive-id={archiveId}; snapshot-sha256={snapshotSha256}",
            [ArchiveIdKey] = archiveId,
            [SnapshotKey] = snapshotSha256,
        };
        // In process: qpdf took three processes and a rewrite of the whole file, a fifth of the machine's time in `serve`.
        return Printing.IncrementalUpdate.SetDocumentInfo(pdf, entries) ?? await RewriteWithQpdfAsync(pdf, entries, cancellationToken);
    }

    private static async Task<byte[]> RewriteWithQpdfAsync(byte[] pdf, Dictionary<string, string> entries, CancellationToken cancellationToken)
    {
        using var work = new WorkFolder();
        var input = work.Write("issued.pdf", pdf);
        var trailer = JsonNode.Parse(await ExternalTool.RunAsync("qpdf", ["--json=2", "--json-key=qpdf", "--json-object=trailer", input], work.Folder, cancellationToken))!;
        var header = trailer["qpdf"]![0]!.DeepClone();
        var infoRef = trailer["qpdf"]![1]!["trailer"]!["value"]!["/Info"]!.GetValue<string>();
        var objectId = string.Join(',', infoRef.Split(' ').Take(2));
        var infoJson = JsonNode.Parse(await ExternalTool.RunAsync("qpdf", ["--json=2", "--json-key=qpdf", $"--json-object={objectId}", input], work.Folder, cancellationToken))!;
        var info = infoJson["qpdf"]![1]![$"obj:{infoRef}"]!["value"]!.AsObject();
        foreach (var (key, value) in entries) info[key] = $"u:{value}";
        var update = new JsonObject
        {
            ["qpdf"] = new JsonArray(header, new JsonObject { [$"obj:{infoRef}"] = new JsonObject { ["value"] = info.DeepClone() } }),
        };
        var updatePath = work.Write("update.json", Encoding.UTF8.GetBytes(update.ToJsonString()));
        var output = work.PathOf("stamped.pdf");
        // 3: qpdf succeeded with warnings.
        await ExternalTool.RunAsync("qpdf", [input, $"--update-from-json={updatePath}", output], work.Folder, cancellationToken, 0, 3);
        return await File.ReadAllBytesAsync(output, cancellationToken);
    }

    /// <summary>The PDF/A-2b copy, with the archive id and snapshot hash in its document information.</summary>
    public static async Task<byte[]> ToPdfA2bAsync(byte[] pdf, string archiveId, string snapshotSha256, CancellationToken cancellationToken = default)
    {
        using var work = new WorkFolder();
        var input = work.Write("issued.pdf", pdf);
        var profile = RgbProfile();
        var definition = work.Write("pdfa.ps", Encoding.ASCII.GetBytes(Definition(archiveId, snapshotSha256, profile)));
        var output = work.PathOf("pdfa.pdf");
        // SAFER: the PostScript prefix may read the colour profile and nothing else.
        await ExternalTool.RunAsync("gs",
        [
            "-q", "-dPDFA=2", "-dBATCH", "-dNOPAUSE", "-dSAFER", $"--permit-file-read={profile}", "-dPDFACompatibilityPolicy=1",
            "-sColorConversionStrategy=RGB", "-sDEVICE=pdfwrite", $"-sOutputFile={output}", definition, input,
        ], work.Folder, cancellationToken);
        return await File.ReadAllBytesAsync(output, cancellationToken);
    }

    /// <summary>Ghostscript's PDF/A prefix: the sRGB output intent and ASCII document information.</summary>
    private static string Definition(string archiveId, string snapshotSha256, string profile) => $$"""
        %!
        [ /Subject ({{PostScript(archiveId)}}) /Keywords (archive-id={{PostScript(archiveId)}}; snapshot-sha256={{snapshotSha256}}) /DOCINFO pdfmark
        /ICCProfile ({{PostScript(profile)}}) def
        [/_objdef {icc_PDFA} /type /stream /OBJ pdfmark
        [{icc_PDFA} << /N 3 >> /PUT pdfmark
        [{icc_PDFA} ICCProfile (r) file /PUT pdfmark
        [/_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark
        [{OutputIntent_PDFA} << /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile {icc_PDFA} /OutputConditionIdentifier (sRGB) >> /PUT pdfmark
        [{Catalog} << /OutputIntents [ {OutputIntent_PDFA} ] >> /PUT pdfmark
        """;

    private static string RgbProfile() =>
        Directory.Exists("/usr/share/ghostscript")
            ? Directory.EnumerateFiles("/usr/share/ghostscript", "default_rgb.icc", SearchOption.AllDirectories).Order().LastOrDefault()
              ?? throw new ArchiveToolException("Ghostscript's default_rgb.icc was not found; install ghostscript")
            : throw new ArchiveToolException("Ghostscript is not installed; install it with: apt-get install -y ghostscript");

    private static string PostScript(string text) =>
        new(text.Select(c => c is >= ' ' and <= '~' and not ('(' or ')' or '\\') ? c : '_').ToArray());

    /// <summary>A private temporary folder for one tool run, removed afterwards.</summary>
    private sealed class WorkFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("reportengine-archive-").FullName;

        /// <summary>Where the tool runs and keeps its own temporary files.</summary>
        public string Folder => _path;

        public string PathOf(string name) => Path.Combine(_path, name);

        public string Write(string name, byte[] bytes)
        {
            var path = PathOf(name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
