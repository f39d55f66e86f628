using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportEngine.PostgreSql;
using ReportEngine.Review;
using UglyToad.PdfPig;

namespace ReportEngine.Tests.Web;

/// <summary>
/// Drafts, commentary and sign-off (review.md) through the real service: review mode set on the command line, a request
/// made a draft, commentary saved as versions with the same figures, four eyes, approval issuing the archive entry.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DraftTests(DashboardFixture dashboard)
{
    private (int Exit, string Out, string Err) ReviewMode(string kind, string mode) =>
        CliProcess.Run(dashboard.CliEnvironment, "review-mode", "set", "--authority", "NDC", "--kind", kind, mode, "--db", dashboard.Database);

    private async Task<JsonElement> DraftAsync(HttpClient api, long id) => await api.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{id}");

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task A_reviewed_report_is_a_draft_until_another_person_approves_it_and_then_issues_with_its_commentary_and_the_drafts_figures()
    {
        var set = ReviewMode("monthly", "required");
        Assert.True(set.Exit == 0, set.Err);
        Assert.Contains("need sign-off", set.Out);
        try
        {
            var request = await dashboard.RequestAndWaitAsync(DashboardFixture.Requester, new { authority = "NDC", kind = "monthly", period = "2023-07" });
            Assert.Equal("draft", request.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, request.GetProperty("archiveId").ValueKind);
            var id = request.GetProperty("draftId").GetInt64();
            using var requester = dashboard.Api(DashboardFixture.Requester);
            // Asking again is answered at once with the same draft (202, status draft, its id), nothing rendered.
            var again = await requester.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period = "2023-07" });
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
            var answered = await again.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("draft", id), (answered.GetProperty("status").GetString(), answered.GetProperty("draftId").GetInt64()));

            using var approver = dashboard.Api(DashboardFixture.Approver);
            var listed = await requester.GetFromJsonAsync<JsonElement>("/api/v1/drafts?authority=NDC&state=open");
            Assert.Contains(listed.EnumerateArray(), d => d.GetProperty("draftId").GetInt64() == id && d.GetProperty("version").GetInt32() == 1);
            var draft = await DraftAsync(requester, id);
            Assert.Equal("open", draft.GetProperty("state").GetString());
            Assert.Equal(ReportEngine.Kinds.ReportKinds.Standard.Find("monthly")!.CommentarySlots, draft.GetProperty("commentary").EnumerateArray().Select(c => c.GetProperty("slot").GetString()));
            var firstPdf = await requester.GetByteArrayAsync($"/api/v1/drafts/{id}/pdf");
            Assert.Contains(ReviewMarks.DraftMark, Text(firstPdf));
            Assert.Empty((await requester.GetFromJsonAsync<JsonElement>("/api/v1/packs?authority=NDC&from=2023-07&to=2023-07")).EnumerateArray());

            // Commentary: refused where it would not print as written, else a new version with the same figures.
            var unknown = await requester.PutAsJsonAsync($"/api/v1/drafts/{id}/commentary/handling", new { text = "Not a monthly slot" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
            Assert.Contains("no commentary slot 'handling'", await unknown.Content.ReadAsStringAsync());
            var tooLong = await requester.PutAsJsonAsync($"/api/v1/drafts/{id}/commentary/overall", new { text = new string('x', Commentary.MostCharacters + 1) });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
            const string Overall = "Waits fell after the new triage rota began in June.\n\nWe will report on <b>its</b> second month in August.";
            var saved = await requester.PutAsJsonAsync($"/api/v1/drafts/{id}/commentary/overall", new { text = Overall });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            Assert.Equal(2, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
            var drafts = new PostgresDrafts(dashboard.DataSource, ReportEngine.Kinds.ReportKinds.Standard, TimeProvider.System);
            var (_, firstMetrics) = (await drafts.FilesAsync(new DraftId(id), 1))!.Value;
            var (secondPdf, secondMetrics) = (await drafts.FilesAsync(new DraftId(id), 2))!.Value;
            Assert.Equal(firstMetrics, secondMetrics);
            Assert.Contains("<b>its</b> second month", Text(secondPdf)); // data, never markup

            // Four eyes: the approver writes a slot, so may not approve; a requester may not approve at all.
            var approverWrites = await approver.PutAsJsonAsync($"/api/v1/drafts/{id}/commentary/safeguarding", new { text = "Two enquiries over 28 days are with the team manager." });
            Assert.True(approverWrites.IsSuccessStatusCode, await approverWrites.Content.ReadAsStringAsync());
            var ownWork = await approver.PostAsync($"/api/v1/drafts/{id}/approve", null);
            Assert.Equal(HttpStatusCode.Forbidden, ownWork.StatusCode);
            Assert.Contains("four eyes", await ownWork.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden, (await requester.PostAsync($"/api/v1/drafts/{id}/approve", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await dashboard.Api(DashboardFixture.Outsider).GetAsync($"/api/v1/drafts/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await dashboard.Api(DashboardFixture.Viewer).PutAsJsonAsync($"/api/v1/drafts/{id}/commentary/overall", new { text = "x" })).StatusCode);

            // The requester changes the overall commentary again, so the approver may now sign it off.
            Assert.True((await requester.PutAsJsonAsync($"/api/v1/drafts/{id}/commentary/overall", new { text = Overall + "\n\nChecked against the June figures." })).IsSuccessStatusCode);
            var auditFrom = await dashboard.LastAuditIdAsync();
            var approved = await approver.PostAsync($"/api/v1/drafts/{id}/approve", null);
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
            var archiveId = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("archiveId").GetString()!;
            Assert.StartsWith("NDC-2023-07-monthly-", archiveId);
            Assert.Equal("approved", (await DraftAsync(requester, id)).GetProperty("state").GetString());
            Assert.Contains(await dashboard.AuditAsync(auditFrom), r => r.Action == "draft.approve" && r.Outcome == "succeeded" && r.Detail!.Contains(archiveId));

            // The issued report: the draft's figures byte for byte, its commentary and sign-off, no DRAFT marks.
            var (_, lastMetrics) = (await drafts.FilesAsync(new DraftId(id)))!.Value;
            Assert.Equal(lastMetrics, await requester.GetByteArrayAsync($"/api/v1/packs/{archiveId}/metrics"));
            var issued = Text(await requester.GetByteArrayAsync($"/api/v1/packs/{archiveId}/pdf"));
            Assert.DoesNotContain(ReviewMarks.DraftMark, issued);
            Assert.Contains("Approved by approver (Approver) on", issued);
            Assert.Contains("Checked against the June figures.", issued);
            await using (var record = dashboard.DataSource.CreateCommand("SELECT draft_id, approved_by, files->>'review' FROM reportengine.archive_records WHERE id = $1"))
            {
                record.Parameters.Add(new() { Value = archiveId });
                await using var reader = await record.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.Equal(id.ToString(), reader.GetString(0));
                Assert.StartsWith("approver (Approver) on ", reader.GetString(1));
                Assert.Matches("^[0-9a-f]{64}$", reader.GetString(2));
            }
            var verified = CliProcess.Run(dashboard.CliEnvironment, "archive", "verify", "--db", dashboard.Database);
            Assert.True(verified.Exit == 0, verified.Out + verified.Err);
            var rerendered = CliProcess.Run(dashboard.CliEnvironment, "archive", "rerender", archiveId, "--db", dashboard.Database);
            Assert.True(rerendered.Exit == 0, rerendered.Out + rerendered.Err);

            // Finished: approving, returning or changing it again is refused, saying why.
            var twice = await approver.PostAsync($"/api/v1/drafts/{id}/approve", null);
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            Assert.Contains("approved already", await twice.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Conflict, (await requester.PutAsJsonAsync($"/api/v1/drafts/{id}/commentary/overall", new { text = "late" })).StatusCode);
            // Asking for the report now answers from the archive.
            var fromArchive = await requester.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period = "2023-07" });
            Assert.Equal(archiveId, (await fromArchive.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("archiveId").GetString());
        }
        finally
        {
            ReviewMode("monthly", "none");
        }
    }

    [Fact]
    public async Task A_draft_is_returned_and_discarded_with_reasons_and_goes_stale_when_the_evidence_is_imported_again()
    {
        Assert.Equal(0, ReviewMode("quality-statement", "required").Exit);
        try
        {
            var body = new { authority = "NDC", kind = "quality-statement", period = "2023-11", statement = "LEARNING" };
            var id = (await dashboard.RequestAndWaitAsync(DashboardFixture.Requester, body)).GetProperty("draftId").GetInt64();
            using var requester = dashboard.Api(DashboardFixture.Requester);
            using var approver = dashboard.Api(DashboardFixture.Approver);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await approver.PostAsJsonAsync($"/api/v1/drafts/{id}/return", new { reason = " " })).StatusCode);
            var returned = await approver.PostAsJsonAsync($"/api/v1/drafts/{id}/return", new { reason = "Say what the Ombudsman found in case 3" });
            Assert.True(returned.IsSuccessStatusCode, await returned.Content.ReadAsStringAsync());
            var draft = await DraftAsync(requester, id);
            Assert.Equal(("returned", "Say what the Ombudsman found in case 3"), (draft.GetProperty("state").GetString(), draft.GetProperty("stateReason").GetString()));
            Assert.Equal(HttpStatusCode.Conflict, (await approver.PostAsync($"/api/v1/drafts/{id}/approve", null)).StatusCode);
            Assert.True((await requester.PutAsJsonAsync($"/api/v1/drafts/{id}/commentary/overall", new { text = "The Ombudsman found fault in case 3; we apologised." })).IsSuccessStatusCode);
            Assert.Equal("open", (await DraftAsync(requester, id)).GetProperty("state").GetString());

            // A new import makes it stale: it cannot be approved, and asking again makes it afresh with its commentary.
            await new PostgresEvidenceStore(dashboard.DataSource).ImportAsync(await new ReportEngine.Gathering.DatasetFolderSource(Repo.Sample).GatherAsync(), TimeProvider.System);
            Assert.Equal("stale", (await DraftAsync(requester, id)).GetProperty("state").GetString());
            var stale = await approver.PostAsync($"/api/v1/drafts/{id}/approve", null);
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("stale", await stale.Content.ReadAsStringAsync());
            var remade = (await dashboard.RequestAndWaitAsync(DashboardFixture.Requester, body)).GetProperty("draftId").GetInt64();
            Assert.NotEqual(id, remade);
            Assert.Equal("discarded", (await DraftAsync(requester, id)).GetProperty("state").GetString());
            var fresh = await DraftAsync(requester, remade);
            Assert.Equal("The Ombudsman found fault in case 3; we apologised.", fresh.GetProperty("commentary")[0].GetProperty("text").GetString());

            var auditFrom = await dashboard.LastAuditIdAsync();
            Assert.Equal(HttpStatusCode.Forbidden, (await requester.PostAsJsonAsync($"/api/v1/drafts/{remade}/discard", new { reason = "not mine to discard" })).StatusCode);
            var discarded = await approver.PostAsJsonAsync($"/api/v1/drafts/{remade}/discard", new { reason = "The statement's evidence is being re-checked" });
            Assert.True(discarded.IsSuccessStatusCode, await discarded.Content.ReadAsStringAsync());
            Assert.Equal("discarded", (await DraftAsync(requester, remade)).GetProperty("state").GetString());
            Assert.Equal(HttpStatusCode.Conflict, (await approver.PostAsJsonAsync($"/api/v1/drafts/{remade}/discard", new { reason = "again" })).StatusCode);
            var rows = await dashboard.AuditAsync(auditFrom);
            Assert.Contains(rows, r => r.Action == "draft.discard" && r.Outcome == "succeeded" && r.Detail!.Contains("re-checked"));
            Assert.Contains(rows, r => r.Action == "draft.discard" && r.Outcome == "refused");
        }
        finally
        {
            ReviewMode("quality-statement", "none");
        }
    }

    [Fact]
    public async Task An_admin_sets_the_review_mode_on_the_dashboard_each_change_audited_and_the_command_line_lists_it()
    {
        using var admin = await dashboard.SignedInAsync(DashboardFixture.Admin);
        var before = await dashboard.LastAuditIdAsync();
        async Task<HttpResponseMessage> PostAsync(HttpClient client, string kind, string mode)
        {
            var token = DashboardFixture.AntiforgeryToken(await client.GetStringAsync("/admin/review"));
            return await client.PostAsync("/admin/review", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["authority"] = "NDC", ["kind"] = kind, ["mode"] = mode, ["__RequestVerificationToken"] = token,
            }));
        }
        try
        {
            var set = await PostAsync(admin, "complaints-annual", "required");
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.Contains("complaints-annual reports: none → required", WebUtility.HtmlDecode(await set.Content.ReadAsStringAsync()));
            Assert.Contains("NDC\tcomplaints-annual\trequired", CliProcess.Run(dashboard.CliEnvironment, "review-mode", "list", "--db", dashboard.Database).Out);
            var refused = await PostAsync(admin, "complaints-annual", "sometimes");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var audit = await dashboard.AuditAsync(before);
            Assert.Contains(audit, a => a.Action == "review-mode.set" && a.Outcome == "succeeded" && a.Actor == $"person:{DashboardFixture.Admin.Email}");
            Assert.Contains(audit, a => a.Action == "review-mode.set" && a.Outcome == "refused");

            // Only an Admin sets it.
            using var approver = await dashboard.SignedInAsync(DashboardFixture.Approver);
            var notAllowed = await approver.GetAsync("/admin/review");
            Assert.Equal("/not-allowed", notAllowed.Headers.Location?.AbsolutePath);
        }
        finally
        {
            ReviewMode("complaints-annual", "none");
        }
    }

    [Fact]
    public void The_command_line_refuses_a_kind_or_mode_it_does_not_know_naming_the_option()
    {
        var kind = CliProcess.Run(dashboard.CliEnvironment, "review-mode", "set", "--authority", "NDC", "--kind", "weekly", "required", "--db", dashboard.Database);
        Assert.NotEqual(0, kind.Exit);
        Assert.Contains("--kind: 'weekly' is not a report kind", kind.Err);
        Assert.DoesNotContain("   at ", kind.Err);
        var mode = ReviewMode("monthly", "sometimes");
        Assert.NotEqual(0, mode.Exit);
        Assert.Contains("'sometimes' is not a review mode", mode.Err);
    }

    [Fact]
    public async Task Regenerating_a_reviewed_report_makes_a_draft_whose_approval_issues_the_entry_that_supersedes_the_old_one()
    {
        var body = new { authority = "NDC", kind = "monthly", period = "2023-09" };
        var first = (await dashboard.RequestAndWaitAsync(DashboardFixture.Requester, body)).GetProperty("archiveId").GetString()!;
        Assert.Equal(0, ReviewMode("monthly", "required").Exit);
        try
        {
            var regenerated = await dashboard.RequestAndWaitAsync(DashboardFixture.Requester,
                new { authority = "NDC", kind = "monthly", period = "2023-09", regenerate = true, reason = "Two safeguarding enquiries were recorded twice" });
            Assert.Equal("draft", regenerated.GetProperty("status").GetString());
            var id = regenerated.GetProperty("draftId").GetInt64();
            using var approver = dashboard.Api(DashboardFixture.Approver);
            var approved = await approver.PostAsync($"/api/v1/drafts/{id}/approve", null);
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
            var second = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("archiveId").GetString()!;
            Assert.NotEqual(first, second);
            var packs = await approver.GetFromJsonAsync<JsonElement>("/api/v1/packs?authority=NDC&from=2023-09&to=2023-09");
            var entry = packs.EnumerateArray().Single(p => p.GetProperty("archiveId").GetString() == second);
            Assert.Equal(first, entry.GetProperty("supersedes").GetString());
        }
        finally
        {
            ReviewMode("monthly", "none");
        }
    }

    [Fact]
    public async Task The_draft_pages_forms_keep_the_roles_of_the_api()
    {
        Assert.Equal(0, ReviewMode("quality-statement", "required").Exit);
        try
        {
            var id = (await dashboard.RequestAndWaitAsync(DashboardFixture.Requester,
                new { authority = "NDC", kind = "quality-statement", period = "2023-10", statement = "SAFEGUARDING" })).GetProperty("draftId").GetInt64();
            async Task<HttpResponseMessage> PostAsync(Person person, string handler, Dictionary<string, string> form)
            {
                using var client = await dashboard.SignedInAsync(person);
                form["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(await client.GetStringAsync($"/drafts/{id}"));
                return await client.PostAsync($"/drafts/{id}?handler={handler}", new FormUrlEncodedContent(form));
            }
            var viewerWrites = await PostAsync(DashboardFixture.Viewer, "Commentary", new() { ["slot"] = "overall", ["text"] = "x" });
            Assert.Equal("/not-allowed", viewerWrites.Headers.Location?.AbsolutePath);
            var requesterApproves = await PostAsync(DashboardFixture.Requester, "Approve", new() { ["confirm"] = "true" });
            Assert.Equal("/not-allowed", requesterApproves.Headers.Location?.AbsolutePath);
            var requesterDiscards = await PostAsync(DashboardFixture.Requester, "Discard", new() { ["reason"] = "x" });
            Assert.Equal("/not-allowed", requesterDiscards.Headers.Location?.AbsolutePath);
            using (var outsider = await dashboard.SignedInAsync(DashboardFixture.Outsider))
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/drafts/{id}")).StatusCode);
            Assert.Equal("open", (await DraftAsync(dashboard.Api(DashboardFixture.Viewer), id)).GetProperty("state").GetString());

            var discarded = await PostAsync(DashboardFixture.Approver, "Discard", new() { ["reason"] = "Made to test the forms" });
            Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
            Assert.Equal("discarded", (await DraftAsync(dashboard.Api(DashboardFixture.Viewer), id)).GetProperty("state").GetString());
        }
        finally
        {
            ReviewMode("quality-statement", "none");
        }
    }
}
