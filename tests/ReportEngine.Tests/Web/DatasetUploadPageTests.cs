using PuppeteerSharp;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Web;

/// <summary>
/// The Upload data page in a real browser (web.md version 2): an Admin uploads a new authority's dataset as a zip, checks
/// the preview, imports it and asks for a pack of a period from the list; a dataset with three broken rows shows all
/// three and imports nothing, done by keyboard; the pages pass axe and fit a 390-pixel screen.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DatasetUploadPageTests(DashboardFixture dashboard) : IAsyncLifetime
{
    private DashboardBrowser _browser = null!;
    private readonly TempFolder _files = new();

    public async Task InitializeAsync() => _browser = await DashboardBrowser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _files.Dispose();
    }

    private string ZipOf(string name, byte[] zip)
    {
        var path = Path.Combine(_files.Path, name);
        File.WriteAllBytes(path, zip);
        return path;
    }

    private async Task CheckPageAsync(IPage page, string what, List<string> found)
    {
        foreach (var violation in await DashboardBrowser.SeriousViolationsAsync(page)) found.Add($"{what}: {violation}");
        await page.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844 });
        if (!await page.EvaluateExpressionAsync<bool>("document.documentElement.scrollWidth <= 390")) found.Add($"{what}: wider than 390 pixels");
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
    }

    [Fact]
    public async Task An_admin_uploads_a_zip_checks_the_preview_imports_it_and_requests_a_pack_for_a_period_from_the_list()
    {
        var found = new List<string>();
        var page = await _browser.NewPageAsync(forAxe: true);
        await DashboardBrowser.SignInAsync(page, dashboard.Url, DashboardFixture.Admin);
        await page.GoToAsync($"{dashboard.Url}/datasets/upload");
        await CheckPageAsync(page, "upload", found);
        await page.TypeAsync("#new-authority", "UPP");
        await (await page.QuerySelectorAsync("#files"))!.UploadFileAsync(ZipOf("upp.zip", DatasetUploadTests.SampleZip("UPP")));
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#upload"));

        var text = await page.EvaluateExpressionAsync<string>("document.body.innerText");
        Assert.Contains("Check the data before importing it", text);
        Assert.Contains("Nothing has been imported yet", text);
        Assert.Contains("Upper Pennard District Council (UPP)", text);
        Assert.Matches(@"training\.csv\s+1,528", text);
        Assert.Contains("Periods for monthly", text);
        await CheckPageAsync(page, "preview", found);
        await DashboardBrowser.ScreenshotAsync(page, "upload-preview");

        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#import"));
        Assert.Contains("Data imported", await page.EvaluateExpressionAsync<string>("document.getElementById('imported').innerText"));
        await CheckPageAsync(page, "imported", found);

        // The request form offers the new authority's periods, newest first; a pack of one of them is asked for.
        await page.GoToAsync($"{dashboard.Url}/requests/new?authority=UPP");
        await page.SelectAsync("#authority", "UPP");
        await page.SelectAsync("#kind", "monthly");
        var offered = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#period option')].map(o => o.value).filter(v => v)");
        Assert.Contains("2024-01", offered);
        await page.SelectAsync("#period", "2024-01");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("main button[type=submit]"));
        Assert.Matches($"{dashboard.Url}/requests/[0-9]+$", page.Url);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task Three_broken_rows_are_all_shown_with_their_file_line_and_column_and_nothing_is_imported_done_by_keyboard()
    {
        var zip = DatasetUploadTests.SampleZip("NDC", (name, text) =>
        {
            if (name != "training.csv") return text;
            var lines = text.Split('\n');
            foreach (var i in new[] { 2, 4, 6 }) lines[i] = string.Join(',', lines[i].Split(',').Select((cell, c) => c == 2 ? "not a date" : cell));
            return string.Join('\n', lines);
        });
        var found = new List<string>();
        var page = await _browser.NewPageAsync(forAxe: true);
        await DashboardBrowser.SignInAsync(page, dashboard.Url, DashboardFixture.Admin);
        await page.GoToAsync($"{dashboard.Url}/datasets/upload");
        await page.SelectAsync("#authority", "NDC");
        await (await page.QuerySelectorAsync("#files"))!.UploadFileAsync(ZipOf("broken.zip", zip));
        await DashboardBrowser.TabToAsync(page, "#upload");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.Keyboard.PressAsync("Enter"));

        var errors = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#dataset-errors li')].map(li => li.innerText)");
        Assert.Contains("There is a problem", await page.EvaluateExpressionAsync<string>("document.body.innerText"));
        foreach (var line in new[] { 3, 5, 7 }) Assert.Contains(errors, e => e.StartsWith($"training.csv:{line}: ", StringComparison.Ordinal));
        Assert.Empty(await page.QuerySelectorAllAsync("#import"));
        await CheckPageAsync(page, "errors", found);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
