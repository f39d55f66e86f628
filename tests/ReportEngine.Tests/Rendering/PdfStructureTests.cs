using System.Text.Json;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Rendering;

/// <summary>
/// A PDF/UA structure check of the sample pack, reading the tag tree with qpdf's JSON: every tag is a standard structure
/// type (or role-mapped to one), every figure has alternative text, every table header cell has a scope, and the
/// document declares its language and title.
/// </summary>
[Collection(RenderingCollection.Name)]
public sealed class PdfStructureTests(SamplePackFixture fixture)
{
    /// <summary>The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4).</summary>
    private static readonly HashSet<string> Standard =
    [
        "/Document", "/Part", "/Art", "/Sect", "/Div", "/BlockQuote", "/Caption", "/TOC", "/TOCI", "/Index", "/NonStruct", "/Private",
        "/P", "/H", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/L", "/LI", "/Lbl", "/LBody", "/Table", "/TR", "/TH", "/TD", "/THead", "/TBody", "/TFoot",
        "/Span", "/Quote", "/Note", "/Reference", "/BibEntry", "/Code", "/Link", "/Annot", "/Ruby", "/RB", "/RT", "/RP", "/Warichu", "/WT", "/WP",
        "/Figure", "/Formula", "/Form",
    ];

    private static (Dictionary<string, JsonElement> Objects, JsonElement Catalog) Read(byte[] pdf)
    {
        var json = JsonDocument.Parse(PdfTools.Run("qpdf", pdf, "--json", "--json-key=qpdf"));
        var objects = json.RootElement.GetProperty("qpdf")[1].EnumerateObject()
            .Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("value", out _))
            .ToDictionary(o => o.Name, o => o.Value.GetProperty("value").Clone());
        var catalog = objects.Values.Single(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("/Type", out var t) && t.GetString() == "/Catalog");
        return (objects, catalog);
    }

    [Fact]
    public void The_sample_packs_tags_are_standard_its_figures_have_alternative_text_and_its_headers_have_scope()
    {
        var (objects, catalog) = Read(fixture.Pack.Pdf);
        Assert.Equal("u:en-GB", catalog.GetProperty("/Lang").GetString());
        Assert.True(catalog.GetProperty("/MarkInfo").GetProperty("/Marked").GetBoolean());
        Assert.True(catalog.GetProperty("/ViewerPreferences").GetProperty("/DisplayDocTitle").GetBoolean());
        var info = PdfTools.Run("pdfinfo", fixture.Pack.Pdf);
        Assert.Contains("Title:           Northdale County Council", info);
        // Issue 22: the authority is the author and ReportEngine the creator, not Chromium's browser string.
        Assert.Contains("Author:          Northdale County Council\n", info);
        Assert.Contains($"Creator:         ReportEngine {ReportEngine.Foundation.EngineVersion.Current}\n", info);
        Assert.Contains("No syntax or stream encoding errors", PdfTools.Run("qpdf", fixture.Pack.Pdf, "--check"));

        var elements = objects.Values.Where(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("/S", out _) && v.TryGetProperty("/P", out _)).ToList();
        Assert.NotEmpty(elements);
        var roleMap = objects.Values.SingleOrDefault(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("/Type", out var t) && t.GetString() == "/StructTreeRoot")
            is { } root && root.TryGetProperty("/RoleMap", out var map) ? map.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
        var unknown = elements.Select(e => e.GetProperty("/S").GetString()!).Where(s => !Standard.Contains(s) && !roleMap.Contains(s)).Distinct().ToList();
        Assert.True(unknown.Count == 0, $"not standard structure types: {string.Join(", ", unknown)}");

        var figures = elements.Where(e => e.GetProperty("/S").GetString() == "/Figure").ToList();
        Assert.True(figures.Count >= 8, $"{figures.Count} figures");
        Assert.All(figures, f => Assert.False(string.IsNullOrWhiteSpace(f.TryGetProperty("/Alt", out var alt) ? alt.GetString() : null), "a figure without /Alt"));
        Assert.Contains(figures, f => f.GetProperty("/Alt").GetString()!.Contains("lowest", StringComparison.Ordinal)); // a trend's text alternative

        var headers = elements.Where(e => e.GetProperty("/S").GetString() == "/TH").ToList();
        Assert.NotEmpty(headers);
        Assert.All(headers, h => Assert.Contains("/Scope", h.GetProperty("/A").ToString()));
    }
}
