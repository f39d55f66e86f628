using System.Net;
using DocumentFormat.OpenXml.Packaging;

namespace ReportEngine.Tests.Web;

/// <summary>
/// An archived report's editions through a real <c>serve</c>: made by their follow-up job after the report is issued,
/// offered on its entry page, the HTML edition shown in the browser under a sandboxed policy with no script, the
/// workbook and document downloaded; each download audited, and none for whoever may not see the report.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class EditionsWebTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task An_entrys_editions_are_offered_on_its_page_viewed_sandboxed_and_downloaded_by_whoever_may_see_it_each_download_audited()
    {
        var entry = await dashboard.SampleEntryAsync();
        using var viewer = dashboard.Api(DashboardFixture.Viewer);
        // The editions' follow-up job runs after the report is issued.
        await Eventually.WaitAsync(async () => (await viewer.GetAsync($"/api/v1/packs/{entry}/docx")).StatusCode == HttpStatusCode.OK,
            () => Task.FromResult("waiting for the editions job"), $"the editions of {entry}");
        var before = await dashboard.LastAuditIdAsync();

        var html = await viewer.GetAsync($"/api/v1/packs/{entry}/html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Null(html.Content.Headers.ContentDisposition); // shown, not downloaded
        var policy = string.Join(";", html.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("script-src", policy);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en-GB\">", page);
        Assert.DoesNotContain("<script", page);

        var xlsx = await viewer.GetAsync($"/api/v1/packs/{entry}/xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
            Assert.Equal("Figures", workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Name!.Value);
        var docx = await viewer.GetAsync($"/api/v1/packs/{entry}/docx");
        using (var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            Assert.NotEmpty(document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>());

        var audit = await dashboard.AuditAsync(before);
        foreach (var format in new[] { "html", "xlsx", "docx" })
            Assert.Contains(audit, a => a.Actor == $"person:{DashboardFixture.Viewer.Email}" && a.Action == $"download.{format}" && a.Outcome == "succeeded");

        // Someone not granted the authority finds nothing there, and the refusal is on record.
        using var outsider = dashboard.Api(DashboardFixture.Outsider);
        foreach (var format in new[] { "html", "xlsx", "docx" })
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/packs/{entry}/{format}")).StatusCode);
        Assert.Contains(await dashboard.AuditAsync(before), a => a.Actor == $"person:{DashboardFixture.Outsider.Email}" && a.Action == "download.html" && a.Outcome == "refused");

        using var signedIn = await dashboard.SignedInAsync(DashboardFixture.Viewer);
        var entryPage = await signedIn.GetStringAsync($"/archive/{entry}");
        Assert.Contains($"href=\"/api/v1/packs/{entry}/html\"", entryPage);
        Assert.Contains("View in browser", entryPage);
        Assert.Contains($"href=\"/api/v1/packs/{entry}/xlsx\"", entryPage);
        Assert.Contains($"href=\"/api/v1/packs/{entry}/docx\"", entryPage);
    }
}
