using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ReportEngine.Tests.Web;

/// <summary>The API of web.md: idempotent requests, regeneration with a reason, validation per field, the in-flight limit, OpenAPI and the audit log.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ApiTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task A_report_already_archived_is_answered_from_the_archive_and_not_rendered_again()
    {
        await dashboard.SampleEntryAsync();
        var rendersBefore = await RendersAsync();
        using var api = dashboard.Api(DashboardFixture.Requester);
        var again = await api.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period = "2024-01", statement = (string?)null, regenerate = false, reason = (string?)null });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("done", body.GetProperty("status").GetString());
        Assert.Equal(100, body.GetProperty("progress").GetInt32());
        Assert.StartsWith("NDC-2024-01-monthly-", body.GetProperty("archiveId").GetString());
        Assert.Equal(DashboardFixture.Requester.Email, body.GetProperty("requestedBy").GetString());
        Assert.Equal(rendersBefore, await RendersAsync());
    }

    private async Task<int> RendersAsync()
    {
        await using var renders = dashboard.DataSource.CreateCommand("SELECT renders FROM reportengine.pack_runs WHERE kind = 'monthly' AND period = '2024-01'");
        return (int)(await renders.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Regenerating_needs_a_reason_and_then_issues_an_entry_that_supersedes_the_old_one()
    {
        var entry = await dashboard.SampleEntryAsync();
        using var api = dashboard.Api(DashboardFixture.Requester);
        var refused = await api.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period = "2024-01", regenerate = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));

        var done = await dashboard.RequestAndWaitAsync(DashboardFixture.Requester,
            new { authority = "NDC", kind = "monthly", period = "2024-01", regenerate = true, reason = "A complaint's dates were corrected" });
        Assert.Equal("done", done.GetProperty("status").GetString());
        var replacement = done.GetProperty("archiveId").GetString();
        Assert.NotEqual(entry, replacement);
        // web.md version 2: the list gives the latest entry of the report; all=true adds the one it supersedes, each naming the other.
        var latest = (await api.GetFromJsonAsync<JsonElement[]>("/api/v1/packs?authority=NDC&kind=monthly&from=2024-01&to=2024-01"))!;
        Assert.Equal(replacement, Assert.Single(latest).GetProperty("archiveId").GetString());
        var packs = (await api.GetFromJsonAsync<JsonElement[]>("/api/v1/packs?authority=NDC&kind=monthly&from=2024-01&to=2024-01&all=true"))!;
        Assert.Equal(entry, packs.Single(p => p.GetProperty("archiveId").GetString() == replacement).GetProperty("supersedes").GetString());
        Assert.Equal(replacement, packs.Single(p => p.GetProperty("archiveId").GetString() == entry).GetProperty("supersededBy").GetString());
        Assert.Contains(await dashboard.AuditAsync(), a => a.Action == "regenerate" && a.Detail!.Contains("A complaint's dates were corrected"));

        // With one regeneration a day allowed, the one above is today's: another is refused with 429 and nothing is queued.
        using var output = new TempFolder();
        await using var limited = await InProcessServe.StartAsync(dashboard.Database, output.Path,
            new Dictionary<string, string> { ["ReportEngine:Archive:RegenerationsPerDay"] = "1", ["ReportEngine:Archive:Folder"] = dashboard.ArchiveFolder });
        using var again = limited.Client();
        again.DefaultRequestHeaders.Authorization = new("Bearer", dashboard.TokenOf(DashboardFixture.Requester));
        var tooMany = await again.PostAsJsonAsync("/api/v1/requests",
            new { authority = "NDC", kind = "monthly", period = "2024-01", regenerate = true, reason = "Another correction" });
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.Equal("application/problem+json", tooMany.Content.Headers.ContentType!.MediaType);
        Assert.Contains("ask again tomorrow", (await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(packs.Length, (await api.GetFromJsonAsync<JsonElement[]>("/api/v1/packs?authority=NDC&kind=monthly&from=2024-01&to=2024-01&all=true"))!.Length);
    }

    [Fact]
    public async Task A_validation_error_lists_each_field()
    {
        using var api = dashboard.Api(DashboardFixture.Requester);
        var response = await api.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "quality-statement", period = "January" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["period", "statement"], errors.EnumerateObject().Select(e => e.Name).Order());

        var annual = await api.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "complaints-annual", period = "2024-01" });
        Assert.Contains("2023-24", (await annual.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("period")[0].GetString());
    }

    [Fact]
    public async Task A_period_the_data_does_not_reach_is_refused_with_422_on_the_api_and_beside_the_field_on_the_form_and_nothing_is_queued()
    {
        var before = await dashboard.LastAuditIdAsync();
        using var api = dashboard.Api(DashboardFixture.Requester);
        var refused = await api.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period = "1999-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["period"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal("No file of the dataset covers any day from 1 February 1998 to 31 January 1999 (coverage.csv); a report for January 1999 would have no figures",
            errors.GetProperty("period")[0].GetString());

        using var person = await dashboard.SignedInAsync(DashboardFixture.Requester);
        var form = await person.GetStringAsync("/requests/new");
        // The form offers the periods the data covers, newest first, instead of a box to type any text in.
        Assert.Matches("<select class=\"app-select\" id=\"period\" name=\"Form.Period\"[^>]*>\\s*<option value=\"\">Choose a period</option>\\s*<optgroup label=\"Months\">\\s*<option value=\"2024-03\">March 2024</option>\\s*<option value=\"2024-02\">February 2024</option>", form);
        Assert.Contains("<optgroup label=\"Business years\">", form);
        Assert.Contains("<option value=\"2014-05\">May 2014</option>", form);
        Assert.DoesNotContain("value=\"2014-04\"", form);
        Assert.DoesNotContain("value=\"2024-04\"", form); // after the data was extracted
        var posted = await person.PostAsync("/requests/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(form), ["Form.Authority"] = "NDC", ["Form.Kind"] = "monthly", ["Form.Period"] = "2025-01",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Matches("id=\"period-error\"[^>]*><span[^>]*>Error:</span> The dataset was extracted on 31 March 2024; a report for January 2025 would count days not yet recorded</p>", html);

        await using (var queued = dashboard.DataSource.CreateCommand("SELECT count(*) FROM reportengine.report_requests WHERE period IN ('1999-01', '2025-01')"))
            Assert.Equal(0L, (long)(await queued.ExecuteScalarAsync())!);
        Assert.Equal(2, (await dashboard.AuditAsync(before)).Count(a => a.Action == "request" && a.Outcome == "refused" && (a.Detail!.Contains("would have no figures") || a.Detail.Contains("not yet recorded"))));
    }

    [Fact]
    public async Task A_period_that_has_not_ended_is_refused_with_422_before_the_data_is_asked_and_a_period_outside_the_calendar_with_400()
    {
        var before = await dashboard.LastAuditIdAsync();
        using var api = dashboard.Api(DashboardFixture.Requester);
        var nextMonth = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (kind, period) in new[] { ("monthly", nextMonth), ("complaints-annual", "2099-00") })
        {
            var refused = await api.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind, period });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("That period has not ended", problem.GetProperty("title").GetString());
            Assert.Contains("has not ended (today is ", problem.GetProperty("errors").GetProperty("period")[0].GetString());
        }
        foreach (var period in new[] { "0001-01", "9999-12" })
        {
            var refused = await api.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal($"'{period}' is outside the years 1971 to 9998 the engine's calendar computes",
                (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("period")[0].GetString());
        }
        await using (var queued = dashboard.DataSource.CreateCommand("SELECT count(*) FROM reportengine.report_requests " + $"WHERE period IN ('2099-00', '0001-01', '9999-12', '{nextMonth}')"))
            Assert.Equal(0L, (long)(await queued.ExecuteScalarAsync())!);
        Assert.Equal(4, (await dashboard.AuditAsync(before)).Count(a => a.Action == "request" && a.Outcome == "refused"));
    }

    [Fact]
    public async Task A_download_of_an_entry_that_does_not_verify_is_refused_with_409_and_audited_and_a_missing_object_never_breaks_the_list()
    {
        var id = await dashboard.SampleEntryAsync();
        using var api = dashboard.Api(DashboardFixture.Requester);
        string files;
        await using (var read = dashboard.DataSource.CreateCommand($"SELECT files::text FROM reportengine.archive_records WHERE id = '{id}'"))
            files = (string)(await read.ExecuteScalarAsync())!;
        var pdfSha = System.Text.Json.JsonDocument.Parse(files).RootElement.GetProperty("pdf").GetString()!;
        var before = await dashboard.LastAuditIdAsync();
        try
        {
            // An edit in the database alone points the record's PDF at its metrics.json.
            await using (var edit = dashboard.DataSource.CreateCommand($"UPDATE reportengine.archive_records SET files = jsonb_set(files, '{{pdf}}', files->'metrics') WHERE id = '{id}'"))
                await edit.ExecuteNonQueryAsync();
            var refused = await api.GetAsync($"/api/v1/packs/{id}/pdf");
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("This report does not verify", problem.GetProperty("title").GetString());
            Assert.Contains("its record has been altered since it was signed", problem.GetProperty("detail").GetString());
            Assert.Contains(await dashboard.AuditAsync(before), a => a.Action == "download.pdf" && a.Outcome == "refused" && a.Detail!.Contains("altered since it was signed"));
            Assert.DoesNotContain(await dashboard.AuditAsync(before), a => a.Action == "download.pdf" && a.Outcome == "succeeded");
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/packs")).StatusCode);
        }
        finally
        {
            await using var restore = dashboard.DataSource.CreateCommand($"UPDATE reportengine.archive_records SET files = '{files}'::jsonb WHERE id = '{id}'");
            await restore.ExecuteNonQueryAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/packs/{id}/pdf")).StatusCode);

        // The PDF gone from the store: the list still answers, the entry page says what is missing, the download is refused.
        var objectPath = Path.Combine(dashboard.ArchiveFolder, "objects", pdfSha[..2], pdfSha);
        var aside = objectPath + ".aside";
        File.Move(objectPath, aside);
        try
        {
            // all=true: the sample's entry may have been superseded by another test's regeneration.
            var list = await api.GetAsync("/api/v1/packs?all=true");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Single((await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), e => e.GetProperty("archiveId").GetString() == id);
            var gone = await api.GetAsync($"/api/v1/packs/{id}/pdf");
            Assert.Equal(HttpStatusCode.Conflict, gone.StatusCode);
            Assert.Contains("its pdf is missing from the archive's store", (await gone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
            using var viewer = await dashboard.SignedInAsync(DashboardFixture.Viewer);
            var page = await viewer.GetAsync($"/archive/{id}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("id=\"verification\">broken</strong>", html);
            Assert.Contains("<td>missing</td>", html);
        }
        finally
        {
            File.Move(aside, objectPath);
        }
    }

    [Fact]
    public async Task Every_error_of_the_api_is_problem_json_and_no_query_string_reaches_the_log()
    {
        using var api = dashboard.Api(DashboardFixture.Requester);
        var malformed = await api.PostAsync("/api/v1/requests", new StringContent("{\"authority\": \"NDC\",", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        var wrongMethod = await api.DeleteAsync("/api/v1/packs");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType?.MediaType);

        // A token pasted into a link's query string is not written to the log.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/packs?access_token=SECRET-IN-QUERY-81f2")).StatusCode);
        Assert.Contains("/api/v1/packs", dashboard.Serve.Log);
        Assert.DoesNotContain("SECRET-IN-QUERY-81f2", dashboard.Serve.Log);
    }

    [Fact]
    public async Task A_database_outage_is_answered_with_problem_json_and_no_stack_trace()
    {
        var (database, tokens) = await dashboard.DatabaseWithPeopleAsync();
        using var output = new TempFolder();
        await using var serve = await InProcessServe.StartAsync(database, output.Path, new Dictionary<string, string> { ["ReportEngine:Archive:Folder"] = dashboard.ArchiveFolder });
        var name = new Npgsql.NpgsqlConnectionStringBuilder(database).Database!;
        await using (var cut = dashboard.DataSource.CreateCommand(
                         $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
            await cut.ExecuteNonQueryAsync();
        try
        {
            using var api = serve.Client();
            api.DefaultRequestHeaders.Authorization = new("Bearer", tokens[DashboardFixture.Viewer.Email]);
            var failed = await api.GetAsync("/api/v1/packs?authority=NDC");
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
            var body = await failed.Content.ReadAsStringAsync();
            Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
            Assert.DoesNotContain("   at ", body);
            Assert.DoesNotContain("Npgsql", body);
        }
        finally
        {
            await using var restore = dashboard.DataSource.CreateCommand($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
            await restore.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task A_person_has_at_most_ten_requests_in_flight()
    {
        await dashboard.SampleEntryAsync();
        var person = DashboardFixture.Requester;
        // Ten requests that no worker will take (they have no job), so that the limit is reached without rendering anything.
        await using (var fill = dashboard.DataSource.CreateCommand(
                   """
                   INSERT INTO reportengine.report_requests (authority, kind, period, account_id, status)
                   SELECT 'NDC', 'monthly', '2020-' || lpad(n::text, 2, '0'), a.id, 'queued'
                     FROM generate_series(1, 10) n, reportengine.accounts a WHERE a.email = $1
                   """))
        {
            fill.Parameters.Add(new() { Value = person.Email });
            Assert.Equal(10, await fill.ExecuteNonQueryAsync());
        }
        try
        {
            using var api = dashboard.Api(person);
            var refused = await api.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period = "2021-01" });
            Assert.Equal((HttpStatusCode)429, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            // A report already archived costs nothing, so it is still answered; and the limit is the person's alone.
            var archived = await api.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period = "2024-01" });
            Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
            Assert.StartsWith("NDC-2024-01-monthly-", (await archived.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("archiveId").GetString());
            using var admin = dashboard.Api(DashboardFixture.Admin);
            var other = await admin.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "quality-statement", period = "2024-01", statement = "LEARNING" });
            Assert.True(other.IsSuccessStatusCode, $"{other.StatusCode}");
        }
        finally
        {
            await using var clear = dashboard.DataSource.CreateCommand(
                "UPDATE reportengine.report_requests SET status = 'failed', error = 'test' WHERE period LIKE '2020-%' AND job_id IS NULL");
            await clear.ExecuteNonQueryAsync();
        }
    }

    /// <summary>web.md version 2: the periods the evidence allows (coverage.md), newest first, for whoever may see the authority.</summary>
    [Fact]
    public async Task The_periods_an_authoritys_evidence_allows_are_listed_newest_first_for_those_who_may_see_it()
    {
        using var viewer = dashboard.Api(DashboardFixture.Viewer);
        var months = (await viewer.GetFromJsonAsync<string[]>("/api/v1/periods?authority=NDC&kind=monthly"))!;
        Assert.True(months.Length > 12, string.Join(", ", months));
        Assert.Equal(months.OrderDescending(StringComparer.Ordinal), months);
        Assert.Contains("2024-01", months);
        Assert.All(months, m => Assert.Matches(@"^\d{4}-\d{2}$", m));
        var years = (await viewer.GetFromJsonAsync<string[]>("/api/v1/periods?authority=NDC&kind=complaints-annual"))!;
        Assert.Contains("2023-24", years);
        Assert.All(years, y => Assert.Matches(@"^\d{4}-\d{2}$", y));
        Assert.Equal(years.OrderDescending(StringComparer.Ordinal), years);

        var unknownKind = await viewer.GetAsync("/api/v1/periods?authority=NDC&kind=weekly");
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.True((await unknownKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kind", out _));
        using var outsider = dashboard.Api(DashboardFixture.Outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/api/v1/periods?authority=NDC&kind=monthly")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/periods?authority=ZZZ&kind=monthly")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        using var api = dashboard.Api(DashboardFixture.Viewer);
        var document = await api.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/v1/requests", "/api/v1/requests/{id}", "/api/v1/packs", "/api/v1/packs/{archiveId}/pdf", "/api/v1/packs/{archiveId}/pdfa",
                     "/api/v1/packs/{archiveId}/metrics", "/api/v1/packs/{archiveId}/html", "/api/v1/packs/{archiveId}/xlsx", "/api/v1/packs/{archiveId}/docx",
                     "/api/v1/audit", "/api/v1/periods", "/api/v1/datasets", "/api/v1/datasets/{datasetId}/import" })
            Assert.Contains(path, paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/static", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_audit_log_is_read_through_the_api_newest_first_and_cannot_be_changed()
    {
        var entry = await dashboard.SampleEntryAsync();
        using var viewer = dashboard.Api(DashboardFixture.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/packs/{entry}/pdf")).StatusCode);
        using var admin = dashboard.Api(DashboardFixture.Admin);
        var events = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/v1/audit?from={DateTimeOffset.UtcNow.AddHours(-1):O}".Replace("+", "%2B")))!;
        var ids = events.Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        var download = events.First(e => e.GetProperty("action").GetString() == "download.pdf");
        Assert.Equal($"person:{DashboardFixture.Viewer.Email}", download.GetProperty("actor").GetString());
        Assert.Equal("NDC/monthly/2024-01", download.GetProperty("report").GetString());
        Assert.Equal("127.0.0.1", download.GetProperty("address").GetString());

        // A page cut short says so: a Link header gives the next, older page, until the last.
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/packs/{entry}/metrics")).StatusCode);
        var first = await admin.GetAsync("/api/v1/audit?limit=2");
        var firstIds = (await first.Content.ReadFromJsonAsync<JsonElement[]>())!.Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(2, firstIds.Count);
        var next = Assert.Single(first.Headers.GetValues("Link"));
        Assert.Matches("^</api/v1/audit\\?limit=2&before=[0-9]+>; rel=\"next\"$", next);
        var second = await admin.GetAsync(next[1..next.IndexOf('>')]);
        var secondIds = (await second.Content.ReadFromJsonAsync<JsonElement[]>())!.Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(2, secondIds.Count);
        Assert.True(secondIds.Max() < firstIds.Min());
        var oldest = await admin.GetAsync($"/api/v1/audit?limit=5000&before={secondIds.Min()}");
        Assert.False(oldest.Headers.Contains("Link")); // the whole rest fits: no next page
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/audit?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/audit?limit=5001")).StatusCode);
        using var page = await dashboard.SignedInAsync(DashboardFixture.Admin);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/admin/audit?to=9999-12-31")).StatusCode);

        await using var tamper = dashboard.DataSource.CreateCommand("UPDATE reportengine.audit_events SET outcome = 'refused'");
        Assert.Contains("append-only", (await Assert.ThrowsAsync<Npgsql.PostgresException>(() => tamper.ExecuteNonQueryAsync())).MessageText);
        await using var delete = dashboard.DataSource.CreateCommand("DELETE FROM reportengine.audit_events");
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => delete.ExecuteNonQueryAsync());

        // The rows are chained: the chain holds, and a row inserted by hand, dated last week, is named.
        var (exit, stdout, stderr) = CliProcess.Run(dashboard.CliEnvironment, "audit", "verify", "--db", dashboard.Database);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Matches("^intact: [0-9]+ audit rows, signed with the archive key [0-9a-f]{16}\n$", stdout);
        await using (var forge = dashboard.DataSource.CreateCommand(
                         "INSERT INTO reportengine.audit_events (at, actor, action, outcome) VALUES (now() - interval '7 days', 'person:someone', 'download.pdf', 'succeeded') RETURNING id"))
        {
            var forged = (long)(await forge.ExecuteScalarAsync())!;
            (exit, stdout, _) = CliProcess.Run(dashboard.CliEnvironment, "audit", "verify", "--db", dashboard.Database);
            Assert.Equal(1, exit);
            Assert.Contains($"audit row {forged} (", stdout);
            Assert.Contains("not chained, so not written by the application", stdout);
        }

        // Someone who knows the algorithm chains a row on, with a hash of its own: it lacks the archive key's signature.
        long id;
        string previousHash;
        await using (var last = dashboard.DataSource.CreateCommand(
                         "SELECT nextval(pg_get_serial_sequence('reportengine.audit_events', 'id')), hash FROM reportengine.audit_events WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1"))
        await using (var reader = await last.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (id, previousHash) = (reader.GetInt64(0), reader.GetString(1));
        }
        var chained = new ReportEngine.Service.Web.Audit.AuditEvent("person:someone", "download.pdf", "succeeded") { Id = id, At = DateTimeOffset.UnixEpoch.AddMicroseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000L + 60_000_000) };
        await using (var forge = dashboard.DataSource.CreateCommand(
                         "INSERT INTO reportengine.audit_events (id, at, actor, action, outcome, previous_hash, hash) OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7)"))
        {
            foreach (var value in new object[] { chained.Id, chained.At, chained.Actor, chained.Action, chained.Outcome, previousHash,
                                                 ReportEngine.Service.Web.Audit.AuditChain.Hash(chained.Id, chained.At, chained, previousHash) })
                forge.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
            await forge.ExecuteNonQueryAsync();
        }
        (exit, stdout, _) = CliProcess.Run(dashboard.CliEnvironment, "audit", "verify", "--db", dashboard.Database);
        Assert.Equal(1, exit);
        Assert.Contains($"audit row {chained.Id} (", stdout);
        Assert.Contains("not signed, so not written by the application", stdout);
        Assert.DoesNotContain("has been altered", stdout); // its hash is right: only the signature gives it away
    }
}
