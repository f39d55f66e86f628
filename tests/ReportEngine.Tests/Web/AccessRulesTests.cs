using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ReportEngine.Tests.Web;

/// <summary>web.md's access rules against a real <c>serve</c>: every endpoint anonymous, as each role, and for an authority not granted.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessRulesTests(DashboardFixture dashboard)
{
    private static readonly string[] Pages = ["/", "/requests/new", "/datasets/upload", "/account/password", "/subscriptions", "/archive", "/admin/users", "/admin/recipients", "/admin/schedules", "/admin/audit", "/admin/review", "/drafts", "/drafts/1", "/requests/1",
        "/archive/x", "/packs/x"];
    private static readonly string[] ApiGets = ["/api/v1/packs", "/api/v1/requests/1", "/api/v1/audit", "/api/v1/packs/x/pdf", "/api/v1/packs/x/pdfa", "/api/v1/packs/x/metrics",
        "/api/v1/packs/x/html", "/api/v1/packs/x/xlsx", "/api/v1/packs/x/docx",
        "/api/v1/drafts", "/api/v1/drafts/1", "/api/v1/drafts/1/pdf", "/api/v1/periods?authority=NDC&kind=monthly"];

    [Fact]
    public async Task Without_sign_in_only_health_sign_in_and_static_assets_answer()
    {
        using var anonymous = dashboard.Api(null);
        foreach (var open in new[] { "/health/live", "/health/ready", "/sign-in", "/accessibility", "/static/site.css", "/static/progress.js", "/static/menu.js" })
            Assert.True((await anonymous.GetAsync(open)).IsSuccessStatusCode, open);
        foreach (var page in Pages.Append("/openapi/v1.json").Append("/hangfire"))
        {
            var response = await anonymous.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {response.StatusCode}");
            Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery);
        }
        foreach (var api in ApiGets)
        {
            var response = await anonymous.GetAsync(api);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{api}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period = "2024-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/v1/drafts/1/commentary/overall", new { text = "x" })).StatusCode);
        foreach (var change in new[] { "approve", "return", "discard" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/v1/drafts/1/{change}", new { reason = "x" })).StatusCode);
        // Health says how it is and nothing more; to an Admin, readiness also says the version and each check.
        Assert.Equal("Healthy", await anonymous.GetStringAsync("/health/ready"));
        using var admin = dashboard.Api(DashboardFixture.Admin);
        var details = await admin.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal(ReportEngine.Foundation.EngineVersion.Current, details.GetProperty("version").GetString());
        Assert.Equal("Healthy", details.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        using var viewer = dashboard.Api(DashboardFixture.Viewer);
        Assert.Equal("Healthy", await viewer.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task Each_role_may_do_what_web_md_says_and_no_more()
    {
        var entry = await dashboard.SampleEntryAsync();
        var expected = new Dictionary<(Person, string), HttpStatusCode>
        {
            [(DashboardFixture.Viewer, "/api/v1/packs")] = HttpStatusCode.OK,
            [(DashboardFixture.Viewer, $"/api/v1/packs/{entry}/pdf")] = HttpStatusCode.OK,
            [(DashboardFixture.Viewer, $"/api/v1/packs/{entry}/metrics")] = HttpStatusCode.OK,
            [(DashboardFixture.Viewer, "/api/v1/audit")] = HttpStatusCode.Forbidden,
            [(DashboardFixture.Requester, "/api/v1/audit")] = HttpStatusCode.Forbidden,
            [(DashboardFixture.Approver, "/api/v1/audit")] = HttpStatusCode.Forbidden,
            [(DashboardFixture.Approver, "/api/v1/packs")] = HttpStatusCode.OK,
            [(DashboardFixture.Approver, $"/api/v1/packs/{entry}/pdf")] = HttpStatusCode.OK,
            [(DashboardFixture.Admin, "/api/v1/audit")] = HttpStatusCode.OK,
            [(DashboardFixture.Admin, $"/api/v1/packs/{entry}/pdf")] = HttpStatusCode.OK,
            [(DashboardFixture.Viewer, "/openapi/v1.json")] = HttpStatusCode.OK,
        };
        foreach (var ((person, path), status) in expected)
        {
            using var api = dashboard.Api(person);
            Assert.True((await api.GetAsync(path)).StatusCode == status, $"{person.Role} {path}: expected {status}");
        }
        using (var viewer = dashboard.Api(DashboardFixture.Viewer))
        {
            var refused = await viewer.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period = "2024-01" });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        // review.md: a Viewer reads drafts; a Requester writes commentary; an Approver (or Admin) approves, returns, discards.
        // A draft that is not there answers 404 to whoever the rule lets past, so 404 here means "allowed".
        var draftRules = new (Person Person, HttpMethod Method, string Path, HttpStatusCode Status)[]
        {
            (DashboardFixture.Viewer, HttpMethod.Get, "/api/v1/drafts", HttpStatusCode.OK),
            (DashboardFixture.Viewer, HttpMethod.Get, "/api/v1/drafts/999999", HttpStatusCode.NotFound),
            (DashboardFixture.Viewer, HttpMethod.Put, "/api/v1/drafts/999999/commentary/overall", HttpStatusCode.Forbidden),
            (DashboardFixture.Requester, HttpMethod.Put, "/api/v1/drafts/999999/commentary/overall", HttpStatusCode.NotFound),
            (DashboardFixture.Requester, HttpMethod.Post, "/api/v1/drafts/999999/approve", HttpStatusCode.Forbidden),
            (DashboardFixture.Requester, HttpMethod.Post, "/api/v1/drafts/999999/return", HttpStatusCode.Forbidden),
            (DashboardFixture.Requester, HttpMethod.Post, "/api/v1/drafts/999999/discard", HttpStatusCode.Forbidden),
            (DashboardFixture.Approver, HttpMethod.Post, "/api/v1/drafts/999999/approve", HttpStatusCode.NotFound),
            (DashboardFixture.Approver, HttpMethod.Post, "/api/v1/drafts/999999/return", HttpStatusCode.NotFound),
            (DashboardFixture.Admin, HttpMethod.Post, "/api/v1/drafts/999999/discard", HttpStatusCode.NotFound),
        };
        foreach (var (person, method, path, status) in draftRules)
        {
            using var api = dashboard.Api(person);
            var response = await api.SendAsync(new HttpRequestMessage(method, path) { Content = method == HttpMethod.Get ? null : JsonContent.Create(new { text = "x", reason = "x" }) });
            Assert.True(response.StatusCode == status, $"{person.Role} {method} {path}: {response.StatusCode}, expected {status}");
        }
        // Uploads: the body is not read before the rule is applied; a dataset not there answers 404 to whoever may import.
        var uploadRules = new (Person Person, string Path, HttpStatusCode Status)[]
        {
            (DashboardFixture.Viewer, "/api/v1/datasets?authority=NDC", HttpStatusCode.Forbidden),
            (DashboardFixture.Outsider, "/api/v1/datasets?authority=NDC", HttpStatusCode.NotFound),
            (DashboardFixture.Approver, "/api/v1/datasets?authority=NDC", HttpStatusCode.Forbidden),
            (DashboardFixture.Admin, $"/api/v1/datasets/{Guid.NewGuid()}/import", HttpStatusCode.NotFound),
            (DashboardFixture.Viewer, $"/api/v1/datasets/{Guid.NewGuid()}/import", HttpStatusCode.NotFound),
        };
        foreach (var (person, path, status) in uploadRules)
        {
            using var api = dashboard.Api(person);
            var response = await api.PostAsync(path, new MultipartFormDataContent { { new ByteArrayContent([1]), "zip", "x.zip" } });
            Assert.True(response.StatusCode == status, $"{person.Role} POST {path}: {response.StatusCode}, expected {status}");
        }
        using (var anonymous = dashboard.Api(null))
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/datasets?authority=NDC", new MultipartFormDataContent())).StatusCode);

        using (var approver = dashboard.Api(DashboardFixture.Approver))
        {
            // An Approver may request as a Requester may: the report archived already is answered from the archive.
            var answered = await approver.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period = "2024-01" });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        // Pages: Admin's pages and the job dashboard send anyone else to "not allowed"; requesting needs Requester.
        var pageRules = new Dictionary<(Person, string), string?>
        {
            [(DashboardFixture.Viewer, "/")] = null,
            [(DashboardFixture.Viewer, "/archive")] = null,
            [(DashboardFixture.Viewer, $"/archive/{entry}")] = null,
            [(DashboardFixture.Viewer, "/requests/new")] = "/not-allowed",
            [(DashboardFixture.Requester, "/requests/new")] = null,
            [(DashboardFixture.Requester, "/admin/users")] = "/not-allowed",
            [(DashboardFixture.Requester, "/admin/audit")] = "/not-allowed",
            [(DashboardFixture.Requester, "/admin/recipients")] = "/not-allowed",
            [(DashboardFixture.Viewer, $"/packs/{entry}")] = null,
            [(DashboardFixture.Requester, "/hangfire")] = "/not-allowed",
            // review.md: an Approver may do all a Requester may, and no Admin's work.
            [(DashboardFixture.Approver, "/requests/new")] = null,
            [(DashboardFixture.Approver, "/admin/users")] = "/not-allowed",
            [(DashboardFixture.Approver, "/admin/audit")] = "/not-allowed",
            [(DashboardFixture.Approver, "/admin/recipients")] = "/not-allowed",
            [(DashboardFixture.Approver, "/hangfire")] = "/not-allowed",
            [(DashboardFixture.Approver, "/admin/review")] = "/not-allowed",
            [(DashboardFixture.Viewer, "/drafts")] = null,
            // web.md version 2: uploading needs Admin, or a Requester or Approver given the right (the page says which they have).
            [(DashboardFixture.Viewer, "/datasets/upload")] = "/not-allowed",
            [(DashboardFixture.Viewer, "/subscriptions")] = null,
            [(DashboardFixture.Requester, "/datasets/upload")] = null,
            [(DashboardFixture.Admin, "/datasets/upload")] = null,
            [(DashboardFixture.Admin, "/admin/review")] = null,
            [(DashboardFixture.Admin, "/admin/users")] = null,
            [(DashboardFixture.Admin, "/admin/schedules")] = null,
            [(DashboardFixture.Admin, "/admin/recipients")] = null,
            [(DashboardFixture.Admin, "/admin/audit")] = null,
            [(DashboardFixture.Admin, "/hangfire")] = null,
        };
        foreach (var group in pageRules.GroupBy(r => r.Key.Item1))
        {
            using var client = await dashboard.SignedInAsync(group.Key);
            foreach (var ((_, path), redirect) in group)
            {
                var response = await client.GetAsync(path);
                if (redirect is null) Assert.True(response.StatusCode == HttpStatusCode.OK, $"{group.Key.Role} {path}: {response.StatusCode}");
                else Assert.True(response.Headers.Location?.AbsolutePath == redirect, $"{group.Key.Role} {path}: {response.StatusCode} {response.Headers.Location}");
            }
        }
    }

    [Fact]
    public async Task An_authority_not_granted_is_answered_as_if_it_did_not_exist()
    {
        var entry = await dashboard.SampleEntryAsync();
        using var outsider = dashboard.Api(DashboardFixture.Outsider);
        using var requester = dashboard.Api(DashboardFixture.Requester);
        // all=true: another test may have regenerated the sample's entry (the list gives the latest by default).
        var request = (await requester.GetFromJsonAsync<JsonElement[]>("/api/v1/packs?all=true"))!;
        Assert.Contains(request, p => p.GetProperty("archiveId").GetString() == entry);

        Assert.Empty((await outsider.GetFromJsonAsync<JsonElement[]>("/api/v1/packs"))!);
        Assert.Empty((await outsider.GetFromJsonAsync<JsonElement[]>("/api/v1/packs?authority=NDC"))!);
        var notGranted = await outsider.GetAsync($"/api/v1/packs/{entry}/pdf");
        var missing = await outsider.GetAsync("/api/v1/packs/NDC-2099-01-monthly-none/pdf");
        Assert.Equal(HttpStatusCode.NotFound, notGranted.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await notGranted.Content.ReadAsStringAsync());

        var grantedButNotThere = await outsider.PostAsJsonAsync("/api/v1/requests", new { authority = "OTH", kind = "monthly", period = "2024-01" });
        var thereButNotGranted = await outsider.PostAsJsonAsync("/api/v1/requests", new { authority = "NDC", kind = "monthly", period = "2024-01" });
        Assert.Equal(HttpStatusCode.NotFound, thereButNotGranted.StatusCode);
        Assert.Equal(await grantedButNotThere.Content.ReadAsStringAsync(), await thereButNotGranted.Content.ReadAsStringAsync());

        // A request of NDC's (answered from the archive): the outsider is told it is not there.
        var ndcRequest = (await dashboard.RequestAndWaitAsync(DashboardFixture.Requester, new { authority = "NDC", kind = "monthly", period = "2024-01" })).GetProperty("id").GetInt64();
        Assert.Equal("NDC", (await requester.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{ndcRequest}")).GetProperty("authority").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/requests/{ndcRequest}")).StatusCode);

        using var pages = await dashboard.SignedInAsync(DashboardFixture.Outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/archive/{entry}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/packs/{entry}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/requests/{ndcRequest}")).StatusCode);
        var archive = await pages.GetStringAsync("/archive");
        Assert.DoesNotContain("NDC", archive);
        Assert.DoesNotContain("Northdale", archive);
    }

    /// <summary>coverage.md: the home page shows each authority's risks to people and figures off target, to those who may see it only.</summary>
    [Fact]
    public async Task The_home_page_shows_the_risks_to_people_and_figures_off_target_of_the_authorities_a_person_may_see()
    {
        await dashboard.SampleEntryAsync();
        using var viewer = await dashboard.SignedInAsync(DashboardFixture.Viewer);
        var home = System.Net.WebUtility.HtmlDecode(await viewer.GetStringAsync("/"));
        Assert.Contains("Needs attention", home);
        // Other tests issue other months; whichever is latest, the sample's risks and misses are these.
        Assert.Matches("Risk to people</strong> Section 42 enquiries open over six months: <span class=\"app-attention__value\">[0-9,]+</span>", home);
        Assert.Matches("Risk to people</strong> DoLS applications not completed: <span class=\"app-attention__value\">[0-9,]+; the oldest has waited [0-9,]+ days</span>", home);
        Assert.Matches("Off target</strong> Open complaints past their agreed date: <span class=\"app-attention__value\">[0-9]+</span>", home);
        Assert.DoesNotContain("near target", home, StringComparison.OrdinalIgnoreCase);

        using var outsider = await dashboard.SignedInAsync(DashboardFixture.Outsider);
        Assert.DoesNotContain("Needs attention", await outsider.GetStringAsync("/"));
    }

    [Fact]
    public async Task Revoked_expired_and_malformed_tokens_are_refused_and_audited()
    {
        var before = await dashboard.LastAuditIdAsync();
        var revoked = CliProcess.Run(dashboard.CliEnvironment, "users", "token", DashboardFixture.Viewer.Email, "--name", "to-revoke", "--db", dashboard.Database);
        Assert.Equal(0, revoked.Exit);
        var token = revoked.Out.Trim();
        using (var ok = new HttpClient { BaseAddress = new Uri(dashboard.Url) })
        {
            ok.DefaultRequestHeaders.Authorization = new("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await ok.GetAsync("/api/v1/packs")).StatusCode);
            Assert.Equal(0, CliProcess.Run(dashboard.CliEnvironment, "users", "revoke-token", DashboardFixture.Viewer.Email, "--name", "to-revoke", "--db", dashboard.Database).Exit);
            Assert.Equal(HttpStatusCode.Unauthorized, (await ok.GetAsync("/api/v1/packs")).StatusCode);
        }

        var expiring = CliProcess.Run(dashboard.CliEnvironment, "users", "token", DashboardFixture.Viewer.Email, "--name", "to-expire", "--days", "1", "--db", dashboard.Database).Out.Trim();
        await using (var expire = dashboard.DataSource.CreateCommand("UPDATE reportengine.api_tokens SET expires_at = now() - interval '1 second' WHERE name = 'to-expire'"))
            await expire.ExecuteNonQueryAsync();
        foreach (var (bearer, reason) in new[] { (expiring, "expired token"), ("not-a-token", "malformed token"), ("rpe_" + new string('x', 43), "unknown token") })
        {
            using var client = new HttpClient { BaseAddress = new Uri(dashboard.Url) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
            var response = await client.GetAsync("/api/v1/packs");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        var audit = await dashboard.AuditAsync(before);
        foreach (var reason in new[] { "revoked token", "expired token", "malformed token", "unknown token" })
            Assert.Contains(audit, a => a.Action == "sign-in.token" && a.Outcome == "refused" && a.Detail == reason);
        Assert.Contains(audit, a => a.Action == "token.issue" && a.Detail!.Contains("to-revoke"));
        Assert.Contains(audit, a => a.Action == "token.revoke" && a.Detail!.Contains("to-revoke"));
    }

    [Fact]
    public void Grants_and_recipients_take_only_the_data_contracts_upper_case_codes_of_authorities_that_are_here_and_one_line_names()
    {
        var email = "grants@northdale.gov.uk";
        Assert.Equal(0, CliProcess.Run(dashboard.CliEnvironment, "users", "add", email, "--role", "Viewer", "--db", dashboard.Database).Exit);
        foreach (var (code, problem) in new[]
                 {
                     ("ZZZ", "there is no authority ZZZ: import its data first"),
                     ("AB-C", "there is no authority AB-C"), // a code the data contract allows: refused only because it is not here
                     ("ndc", "'ndc' is not an authority code: 2 to 16 characters, upper-case letters A-Z"),
                     ("N D C", "is not an authority code"),
                 })
        {
            var (exit, stdout, stderr) = CliProcess.Run(dashboard.CliEnvironment, "users", "grant", email, "--authority", code, "--db", dashboard.Database);
            Assert.Equal(2, exit);
            Assert.DoesNotContain("Granted", stdout);
            Assert.Contains(problem, stderr);
        }
        Assert.Equal(0, CliProcess.Run(dashboard.CliEnvironment, "users", "grant", email, "--authority", "NDC", "--db", dashboard.Database).Exit);

        var unknown = CliProcess.Run(dashboard.CliEnvironment, "recipients", "add", "--authority", "ZZZ", "--kind", "monthly", "--email", "someone@northdale.gov.uk", "--db", dashboard.Database);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("--authority: there is no authority ZZZ", unknown.Err);
        var forged = CliProcess.Run(dashboard.CliEnvironment, "recipients", "add", "--authority", "NDC", "--kind", "monthly", "--email", "someone@northdale.gov.uk",
            "--name", "Someone\nNDC\tmonthly\tforged@elsewhere.example", "--db", dashboard.Database);
        Assert.Equal(2, forged.Exit);
        Assert.Contains("--name: a name is one line", forged.Err);
        Assert.DoesNotContain("someone@northdale.gov.uk", CliProcess.Run(dashboard.CliEnvironment, "recipients", "list", "--db", dashboard.Database).Out);
    }

    [Fact]
    public async Task Signing_out_or_a_new_password_ends_every_session_of_the_person_and_a_saved_cookie_no_longer_works()
    {
        var person = DashboardFixture.Viewer with { Email = "sessions@northdale.gov.uk" };
        Assert.Equal(0, CliProcess.RunWithInput(dashboard.CliEnvironment, DashboardFixture.Password + "\n", "users", "add", person.Email, "--role", "Viewer", "--authority", "NDC",
            "--password-stdin", "--db", dashboard.Database).Exit);
        var jar = new CookieContainer();
        using var browser = dashboard.Serve.Client(jar);
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardFixture.SignInAsync(browser, person.Email, DashboardFixture.Password)).StatusCode);
        var saved = jar.GetCookieHeader(new Uri(dashboard.Url)); // as someone copying the cookie would keep it
        using var otherDevice = await dashboard.SignedInAsync(person);
        using var replay = dashboard.Browserless();
        replay.DefaultRequestHeaders.Add("Cookie", saved);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/")).StatusCode);

        var home = await browser.GetStringAsync("/");
        var signedOut = await browser.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(home) }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        foreach (var client in new[] { replay, otherDevice })
        {
            var refused = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/sign-in", refused.Headers.Location!.AbsolutePath);
        }

        // A new password ends the sessions made with the old one.
        using var again = await dashboard.SignedInAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/")).StatusCode);
        await new ReportEngine.Service.Web.Accounts.AccountStore(dashboard.DataSource, TimeProvider.System).SetPasswordAsync(person.Email, "another long passphrase entirely");
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/")).StatusCode);
        Assert.Contains(await dashboard.AuditAsync(), a => a.Actor == $"person:{person.Email}" && a.Action == "sign-out" && a.Detail == "every session ended");
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_from_the_configured_proxies_only_and_behind_TLS_the_session_cookie_is_secure()
    {
        // As the proxy passes a browser's requests on: the cookies are carried by hand, as a browser sends Secure ones over TLS.
        static async Task<(HttpResponseMessage SignedIn, string? Address)> SignInThroughProxyAsync(DashboardFixture dashboard, InProcessServe serve)
        {
            using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(serve.Url) };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            var before = await dashboard.LastAuditIdAsync();
            var form = await client.GetAsync("/sign-in");
            var cookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["email"] = DashboardFixture.Viewer.Email, ["password"] = DashboardFixture.Password,
                    ["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
                }),
            };
            post.Headers.Add("Cookie", cookies);
            var signedIn = await client.SendAsync(post);
            await using var read = dashboard.DataSource.CreateCommand(
                $"SELECT address FROM reportengine.audit_events WHERE id > {before} AND action = 'sign-in.password' AND actor = 'person:{DashboardFixture.Viewer.Email}'");
            return (signedIn, (string?)await read.ExecuteScalarAsync());
        }

        // The fixture's serve trusts no proxy: the headers are anyone's to write, and are ignored.
        var (direct, directAddress) = await SignInThroughProxyAsync(dashboard, dashboard.Serve);
        Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        Assert.Equal("127.0.0.1", directAddress);
        Assert.DoesNotContain("secure", string.Join(";", direct.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);

        using var output = new TempFolder();
        await using var behindProxy = await InProcessServe.StartAsync(dashboard.Database, output.Path,
            new Dictionary<string, string> { ["ReportEngine:TrustedProxies"] = "127.0.0.1, 10.0.0.0/8", ["ReportEngine:Archive:Folder"] = dashboard.ArchiveFolder });
        var (proxied, proxiedAddress) = await SignInThroughProxyAsync(dashboard, behindProxy);
        Assert.Equal(HttpStatusCode.Redirect, proxied.StatusCode);
        Assert.Equal("203.0.113.7", proxiedAddress);
        var session = Assert.Single(proxied.Headers.GetValues("Set-Cookie"), c => c.StartsWith("reportengine.session=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_flood_of_bogus_tokens_is_refused_with_429_past_the_limit_and_audited_as_one_burst_not_each_request()
    {
        using var output = new TempFolder();
        await using var serve = await InProcessServe.StartAsync(dashboard.Database, output.Path,
            new Dictionary<string, string> { ["ReportEngine:FailedSignInsPerMinute"] = "5", ["ReportEngine:Archive:Folder"] = dashboard.ArchiveFolder });
        var before = await dashboard.LastAuditIdAsync();
        using var flood = serve.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/packs");
            request.Headers.Authorization = new("Bearer", $"bogus-{i}");
            var response = await flood.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
            }
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 35)], statuses);
        var audited = (await dashboard.AuditAsync(before)).Where(a => a.Action == "sign-in.token").ToList();
        Assert.Equal(5, audited.Count(a => a.Outcome == "refused"));
        Assert.Single(audited, a => a.Outcome == "rate-limited");
        Assert.Equal(6, audited.Count);

        // The sign-in form from the same address is refused too, without its password being checked.
        using var person = serve.Client(new CookieContainer());
        var refused = await DashboardFixture.SignInAsync(person, DashboardFixture.Viewer.Email, DashboardFixture.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("too many failed sign-ins from your network", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_failed_sign_ins_in_a_row_lock_the_account_even_against_the_right_password()
    {
        var person = DashboardFixture.Viewer with { Email = "locked@northdale.gov.uk" };
        var added = CliProcess.RunWithInput(dashboard.CliEnvironment, DashboardFixture.Password + "\n", "users", "add", person.Email, "--role", "Viewer", "--authority", "NDC", "--password-stdin",
            "--db", dashboard.Database);
        Assert.True(added.Exit == 0, added.Err);
        var before = await dashboard.LastAuditIdAsync();
        using var client = dashboard.Browserless();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await DashboardFixture.SignInAsync(client, person.Email, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode); // the form again, with its error
        }
        var right = await DashboardFixture.SignInAsync(client, person.Email, DashboardFixture.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var audit = (await dashboard.AuditAsync(before)).Where(a => a.Actor == $"person:{person.Email}").Reverse().ToList();
        Assert.Equal(["refused", "refused", "refused", "refused", "locked-out", "locked-out"], audit.Select(a => a.Outcome));
        Assert.All(audit, a => Assert.Equal("sign-in.password", a.Action));
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_at_its_next_request_and_its_tokens_stop_working()
    {
        var person = DashboardFixture.Viewer with { Email = "leaver@northdale.gov.uk" };
        Assert.Equal(0, CliProcess.RunWithInput(dashboard.CliEnvironment, DashboardFixture.Password + "\n", "users", "add", person.Email, "--role", "Viewer", "--authority", "NDC",
            "--password-stdin", "--db", dashboard.Database).Exit);
        var token = CliProcess.Run(dashboard.CliEnvironment, "users", "token", person.Email, "--name", "laptop", "--db", dashboard.Database).Out.Trim();
        using var session = await dashboard.SignedInAsync(person);
        using var api = new HttpClient { BaseAddress = new Uri(dashboard.Url) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/packs")).StatusCode);

        Assert.Equal(0, CliProcess.Run(dashboard.CliEnvironment, "users", "disable", person.Email, "--db", dashboard.Database).Exit);
        Assert.Equal("/sign-in", (await session.GetAsync("/")).Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/packs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DashboardFixture.SignInAsync(dashboard.Browserless(), person.Email, DashboardFixture.Password)).StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused()
    {
        using var client = await dashboard.SignedInAsync(DashboardFixture.Requester);
        var before = await dashboard.LastAuditIdAsync();
        var forged = await client.PostAsync("/requests/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Authority"] = "NDC", ["Form.Kind"] = "monthly", ["Form.Period"] = "2023-12",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/sign-out", new FormUrlEncodedContent([]))).StatusCode);
        // Every form on every page carries its token, the sign-out button in the header too.
        var home = await client.GetStringAsync("/");
        Assert.Matches("action=\"/sign-out\"[^>]*>(.|\n)*?__RequestVerificationToken", home);
        Assert.DoesNotContain(await dashboard.AuditAsync(before), a => a.Action == "request");

        // The same post with the token is taken.
        var page = await client.GetStringAsync("/requests/new");
        var taken = await client.PostAsync("/requests/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Authority"] = "NDC", ["Form.Kind"] = "monthly", ["Form.Period"] = "2023-12",
            ["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Matches("^/requests/[0-9]+$", taken.Headers.Location!.OriginalString);
        Assert.Contains(await dashboard.AuditAsync(before), a => a.Action == "request" && a.Outcome == "succeeded");
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_cookies_are_http_only_and_lax()
    {
        using var client = dashboard.Browserless();
        var page = await client.GetAsync("/sign-in");
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());

        var signedIn = await DashboardFixture.SignInAsync(client, DashboardFixture.Viewer.Email, DashboardFixture.Password);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("reportengine.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }
}
