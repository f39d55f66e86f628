using ReportEngine.Foundation;
using ReportEngine.Printing;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Rendering;

/// <summary>Issue 8's inputs that broke the engine's own rules: paths from data, huge cells and words, bidirectional overrides, NUL, UTF-16.</summary>
[Collection(RenderingCollection.Name)]
public class HostileInputTests(SamplePackFixture fixture)
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => CliProcess.Run(args);

    [Theory]
    [InlineData("../../../escaped")]
    [InlineData("/tmp/absolute")]
    [InlineData("NDC/..")]
    [InlineData("ndc")]
    [InlineData("N")]
    [InlineData("NDC.PDF")]
    public void An_authority_code_that_would_make_a_path_is_refused_where_it_is_read_and_where_it_is_used(string code)
    {
        using var data = Repo.CopyOfSample();
        using var output = new TempFolder();
        var outDir = Path.Combine(output.Path, "a", "b", "c");
        File.WriteAllText(data.File("authority.csv"), $"code,name,council_type,population\n\"{code}\",Escape Council,COUNTY,1000\n");
        var (exit, stdout, stderr) = Run("pack", "--data", data.Path, "--period", "2024-01", "--out", outDir);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains($"authority.csv:2: code: '{code}' is not an authority code", stderr);
        Assert.Empty(Directory.GetFiles(output.Path, "*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(output.Path, "escaped")));

        (exit, _, stderr) = Run("pack", "--authority", code, "--period", "2024-01", "--out", outDir, "--db", "Host=127.0.0.1");
        Assert.Equal(2, exit);
        Assert.Contains("is not an authority code", stderr);
    }

    [Fact]
    public void A_path_built_from_data_never_leaves_its_root()
    {
        using var root = new TempFolder();
        Assert.Equal(Path.Combine(root.Path, "NDC", "2024-01-monthly"), ReportEngine.Foundation.SafePath.Combine(root.Path, "NDC", "2024-01-monthly"));
        foreach (var name in new[] { "..", ".", "../x", "a/b", "/etc", "a\\b", "", "x\0y", "NDC 2024" })
            Assert.Throws<ReportEngine.Foundation.UnsafePathException>(() => ReportEngine.Foundation.SafePath.Combine(root.Path, name));
        Assert.Throws<ReportEngine.Foundation.UnsafePathException>(() => new ReportEngine.Archive.ContentStore(root.Path).PathOf("../../etc/passwd"));
    }

    [Fact]
    public async Task A_three_megabyte_text_cell_and_a_one_megabyte_word_print_whole()
    {
        using var data = Repo.CopyOfSample();
        var cell = string.Concat(Enumerable.Repeat("Residents said the service listened. ", 3_000_000 / 37 + 1))[..3_000_000];
        var word = new string('x', 1_000_000);
        File.AppendAllText(data.File("findings.csv"),
            $"BIG-1,LEARNING,PEOPLE_EXPERIENCE,STRENGTH,A very long summary,\"{cell}\",Survey,2023-12-01\n" +
            $"BIG-2,LEARNING,PEOPLE_EXPERIENCE,STRENGTH,One enormous word,{word},Survey,2023-12-02\n");
        var pack = await fixture.RenderAsync(data.Path);
        var pages = PdfText.PerPage(pack.Pdf);
        Assert.True(pages.Count > 500, $"{pages.Count} pages");
        var text = string.Concat(pages).Replace("\n", "");
        Assert.Contains("Residents said the service listened. Residents said", text);
        Assert.True(text.Count(c => c == 'x') >= 1_000_000); // the word wrapped onto many lines, none of it cut off
        // Complete to its end: the provenance appendix (two pages since the operations files) ends with the last file's row.
        Assert.Contains("Appendix: provenance", string.Concat(pages.TakeLast(2)));
        Assert.Contains("waits.csv", pages[^1]);
    }

    [Fact]
    public async Task An_unclosed_right_to_left_override_in_the_authoritys_name_stays_inside_its_field()
    {
        using var data = Repo.CopyOfSample();
        File.WriteAllText(data.File("authority.csv"), "code,name,council_type,population\nNDC,\"Northdale \u202ECounty Council\",COUNTY,612400\n");
        var pack = await fixture.RenderAsync(data.Path);
        var pages = PdfText.PerPage(pack.Pdf);
        // The running header on every page keeps its own words in their order after the name.
        Assert.All(pages, p => Assert.Contains("· Inspection-readiness pack · January 2024", p));
    }

    [Theory]
    [InlineData("utf-16le", "complaints.csv:1: is UTF-16; the data contract needs UTF-8")]
    [InlineData("nul", "complaints.csv:3: holds a NUL character (U+0000)")]
    [InlineData("latin-1", "complaints.csv:4: is not valid UTF-8")]
    public void A_file_that_is_not_utf8_or_holds_nul_is_refused_with_its_line_by_validate_and_import(string damage, string message)
    {
        using var data = Repo.CopyOfSample();
        var file = data.File("complaints.csv");
        var lines = File.ReadAllLines(file);
        switch (damage)
        {
            case "utf-16le":
                File.WriteAllText(file, string.Join("\n", lines) + "\n", new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true));
                break;
            case "nul":
                lines[2] = lines[2].Replace("Older people", "Older\0people");
                File.WriteAllText(file, string.Join("\n", lines) + "\n");
                break;
            default:
                var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines.Take(3)) + "\n").Concat(new byte[] { 0x43, 0x61, 0x66, 0xE9, 0x0A }).ToArray();
                File.WriteAllBytes(file, bytes);
                break;
        }
        foreach (var args in new[] { new[] { "validate", "--data", data.Path }, ["import", "--data", data.Path, "--db", "Host=127.0.0.1;Port=1"] })
        {
            var (exit, stdout, stderr) = Run(args);
            Assert.Equal(2, exit);
            Assert.Empty(stdout);
            Assert.Contains(message, stderr);
        }
    }
}
