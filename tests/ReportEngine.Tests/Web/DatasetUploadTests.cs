using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Web;

/// <summary>
/// web.md version 2's uploads through the API of a running service over a real PostgreSQL: a dataset validated exactly as
/// <c>validate</c> does, previewed, imported once; broken rows, a zip bomb and people without the right refused with
/// nothing kept. The uploads are of an authority of their own (UPL), so the dashboard's NDC evidence stays as it is.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DatasetUploadTests(DashboardFixture dashboard)
{
    /// <summary>The sample's files, zipped, as the authority <paramref name="code"/>, each changed by <paramref name="change"/>.</summary>
    private static readonly Dictionary<string, string> CouncilNames = new(StringComparer.Ordinal)
    {
        ["UPL"] = "Uplands Borough Council",
        ["UPP"] = "Upper Pennard District Council",
    };

    internal static byte[] SampleZip(string code, Func<string, string, string>? change = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var path in Directory.EnumerateFiles(Repo.Sample, "*.csv").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                var text = File.ReadAllText(path);
                // Another authority is another council, with its own name (the dashboard shows names, not codes).
                if (name == "authority.csv" && code != "NDC")
                    text = text.Replace("\nNDC,Northdale County Council,", $"\n{code},{CouncilNames.GetValueOrDefault(code, $"{code} Borough Council")},", StringComparison.Ordinal);
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(change?.Invoke(name, text) ?? text);
            }
        return buffer.ToArray();
    }

    private static MultipartFormDataContent Zipped(byte[] zip) => new() { { new ByteArrayContent(zip), "zip", "dataset.zip" } };

    private async Task<long> StagedAsync()
    {
        await using var count = dashboard.DataSource.CreateCommand("SELECT count(*) FROM reportengine.staged_datasets");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task An_admin_uploads_a_zip_sees_its_rows_coverage_and_periods_imports_it_once_and_can_ask_for_its_periods()
    {
        using var admin = dashboard.Api(DashboardFixture.Admin);
        var before = await dashboard.LastAuditIdAsync();
        var uploaded = await admin.PostAsync("/api/v1/datasets?authority=UPL", Zipped(SampleZip("UPL")));
        var preview = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, preview.ToString());
        Assert.Equal("UPL", preview.GetProperty("authority").GetString());
        var files = preview.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("rows").GetInt32());
        Assert.Equal(File.ReadLines(Path.Combine(Repo.Sample, "training.csv")).Count() - 1, files["training.csv"]);
        Assert.Equal(Directory.EnumerateFiles(Repo.Sample, "*.csv").Count(), files.Count);
        Assert.Equal("2024-02-29", preview.GetProperty("coverage").GetProperty("supervision.csv").GetProperty("to").GetString());
        var months = preview.GetProperty("periods").GetProperty("monthly").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains("2024-01", months);
        Assert.Equal(months.OrderDescending(StringComparer.Ordinal), months);
        Assert.Contains("2023-24", preview.GetProperty("periods").GetProperty("complaints-annual").EnumerateArray().Select(p => p.GetString()));
        // Nothing is imported until someone says so.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/periods?authority=UPL&kind=monthly")).StatusCode);

        var id = preview.GetProperty("datasetId").GetGuid();
        var imported = await admin.PostAsync($"/api/v1/datasets/{id}/import", null);
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        Assert.Equal(files.Values.Sum(), (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").GetInt32());
        Assert.Equal(months, await admin.GetFromJsonAsync<List<string>>("/api/v1/periods?authority=UPL&kind=monthly"));
        var again = await admin.PostAsync($"/api/v1/datasets/{id}/import", null);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("imported already", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/datasets/{Guid.NewGuid()}/import", null)).StatusCode);

        var audit = await dashboard.AuditAsync(before);
        Assert.Contains(audit, a => a.Action == "dataset.upload" && a.Outcome == "succeeded" && a.Detail!.Contains(id.ToString()));
        Assert.Contains(audit, a => a.Action == "dataset.import" && a.Outcome == "succeeded" && a.Detail!.Contains(id.ToString()));
        Assert.Contains(audit, a => a.Action == "dataset.import" && a.Outcome == "refused");
    }

    [Fact]
    public async Task An_upload_with_three_broken_rows_lists_all_three_by_file_line_and_column_and_keeps_nothing()
    {
        using var admin = dashboard.Api(DashboardFixture.Admin);
        var staged = await StagedAsync();
        var zip = SampleZip("UPL", (name, text) =>
        {
            if (name != "complaints.csv") return text;
            var lines = text.Split('\n');
            // Lines 3, 5 and 7 of the file (the header is line 1): a day that does not exist, an unknown outcome, no received date.
            lines[2] = string.Join(',', lines[2].Split(',').Select((cell, i) => i == 2 ? "2023-02-30" : cell));
            lines[4] = lines[4].Replace(",UPHELD,", ",MAYBE,", StringComparison.Ordinal).Replace(",NOT_UPHELD,", ",MAYBE,", StringComparison.Ordinal)
                .Replace(",PARTLY_UPHELD,", ",MAYBE,", StringComparison.Ordinal).Replace(",WITHDRAWN,", ",MAYBE,", StringComparison.Ordinal);
            lines[6] = string.Join(',', lines[6].Split(',').Select((cell, i) => i == 1 ? "" : cell));
            return string.Join('\n', lines);
        });
        var refused = await admin.PostAsync("/api/v1/datasets?authority=UPL", Zipped(zip));
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, body.ToString());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        // The three rows, and what follows from them (a case of the Ombudsman's naming a complaint the file lost).
        var errors = body.GetProperty("errors").EnumerateArray().Where(e => e.GetProperty("file").GetString() == "complaints.csv").ToList();
        Assert.Equal([3, 5, 7], errors.Select(e => e.GetProperty("line").GetInt32()).Distinct().Order());
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("column").GetString())));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
        Assert.Equal(staged, await StagedAsync());
    }

    /// <summary>A zip whose directory says its three files expand to 12 GB: refused from the directory, before a byte is written.</summary>
    [Fact]
    public async Task A_zip_bomb_is_refused_from_its_directory_and_nothing_is_written_or_kept()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in new[] { "authority.csv", "complaints.csv", "staff.csv" })
                using (var entry = zip.CreateEntry(name).Open())
                    entry.Write(new byte[1024 * 1024]);
        var bytes = buffer.ToArray();
        // Each entry of the central directory (signature PK\1\2) says 4 GB uncompressed (the field at offset 24).
        for (var i = 0; i < bytes.Length - 4; i++)
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2)
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), 0xFFFF_FFF0u);
        var temporary = Directory.EnumerateDirectories(Path.GetTempPath(), "reportengine-upload-*").Count();
        var staged = await StagedAsync();

        using var admin = dashboard.Api(DashboardFixture.Admin);
        var refused = await admin.PostAsync("/api/v1/datasets?authority=UPL", Zipped(bytes));
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(refused.StatusCode == HttpStatusCode.RequestEntityTooLarge, body.ToString());
        Assert.Contains("12,884,901,840 bytes", body.GetProperty("detail").GetString());
        Assert.Equal(staged, await StagedAsync());
        Assert.Equal(temporary, Directory.EnumerateDirectories(Path.GetTempPath(), "reportengine-upload-*").Count());
    }

    [Fact]
    public async Task Names_that_are_not_the_datasets_files_and_a_dataset_of_another_authority_are_refused_naming_them()
    {
        using var admin = dashboard.Api(DashboardFixture.Admin);
        using var traversal = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "../authority.csv" } };
        var named = await admin.PostAsync("/api/v1/datasets?authority=UPL", traversal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, named.StatusCode);
        Assert.Contains("not a file of the dataset", await named.Content.ReadAsStringAsync());

        var other = await admin.PostAsync("/api/v1/datasets?authority=UPL", Zipped(SampleZip("NDC")));
        var body = await other.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("authority.csv", body.GetProperty("errors")[0].GetProperty("file").GetString());

        // The CSV files as parts of their own, each under its contract name, are the same as a zip of them.
        using var parts = new MultipartFormDataContent();
        foreach (var path in Directory.EnumerateFiles(Repo.Sample, "*.csv"))
            parts.Add(new ByteArrayContent(File.ReadAllBytes(path)), "file", Path.GetFileName(path));
        var asParts = await admin.PostAsync("/api/v1/datasets?authority=NDC", parts);
        Assert.True(asParts.StatusCode == HttpStatusCode.Created, await asParts.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_an_admin_or_a_person_given_the_right_for_the_authority_uploads_and_imports()
    {
        var zip = SampleZip("NDC");
        using (var viewer = dashboard.Api(DashboardFixture.Viewer))
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/datasets?authority=NDC", Zipped(zip))).StatusCode);
        using (var outsider = dashboard.Api(DashboardFixture.Outsider))
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync("/api/v1/datasets?authority=NDC", Zipped(zip))).StatusCode);
        using var requester = dashboard.Api(DashboardFixture.Requester);
        Assert.Equal(HttpStatusCode.Forbidden, (await requester.PostAsync("/api/v1/datasets?authority=NDC", Zipped(zip))).StatusCode);

        using var admin = dashboard.Api(DashboardFixture.Admin);
        var staged = (await (await admin.PostAsync("/api/v1/datasets?authority=NDC", Zipped(zip))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("datasetId").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await requester.PostAsync($"/api/v1/datasets/{staged}/import", null)).StatusCode);
        using (var outsider = dashboard.Api(DashboardFixture.Outsider))
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/v1/datasets/{staged}/import", null)).StatusCode);

        var granted = CliProcess.Run(dashboard.CliEnvironment, "users", "grant", DashboardFixture.Requester.Email, "--authority", "NDC", "--upload", "--db", dashboard.Database);
        Assert.True(granted.Exit == 0, granted.Err);
        Assert.Contains("with the right to upload its dataset", granted.Out);
        var uploaded = await requester.PostAsync("/api/v1/datasets?authority=NDC", Zipped(zip));
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        Assert.Contains(await dashboard.AuditAsync(), a => a.Action == "dataset.upload" && a.Outcome == "refused" && a.Actor == $"person:{DashboardFixture.Viewer.Email}");
    }
}
