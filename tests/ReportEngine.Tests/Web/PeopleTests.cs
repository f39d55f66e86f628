using System.Net;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Web;

/// <summary>
/// People (web.md version 2), on the Users page and through <c>users</c>: a role changed, an authority taken away, an
/// account disabled and enabled again, a temporary password that must be changed at the next sign-in, a person changing
/// their own password, tokens listed with their last use and revoked one by one; every change audited.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PeopleTests(DashboardFixture dashboard)
{
    private const string Email = "moving.on@northdale.gov.uk";

    private (int Exit, string Out, string Err) Users(params string[] args) =>
        CliProcess.Run(dashboard.CliEnvironment, ["users", .. args, "--db", dashboard.Database]);

    private static async Task<string> PostAsync(HttpClient admin, string handler, Dictionary<string, string> form, HttpStatusCode expected = HttpStatusCode.OK)
    {
        form["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(await admin.GetStringAsync($"/admin/users?person={Uri.EscapeDataString(Email)}"));
        var response = await admin.PostAsync($"/admin/users?handler={handler}", new FormUrlEncodedContent(form));
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{handler}: {response.StatusCode}\n{page[..Math.Min(page.Length, 2000)]}");
        return page;
    }

    [Fact]
    public async Task An_admin_changes_a_persons_role_grants_and_password_and_the_person_must_choose_their_own_at_next_sign_in()
    {
        var added = Users("add", Email, "--role", "Requester", "--authority", "NDC", "--name", "Mo Ving");
        Assert.True(added.Exit == 0, added.Err);
        var again = Users("add", Email, "--role", "Viewer");
        Assert.Equal(2, again.Exit);
        Assert.Contains("exists already", again.Err);
        var unknown = Users("grant", Email, "--authority", "ZZZ");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("there is no authority ZZZ", unknown.Err);
        var before = await dashboard.LastAuditIdAsync();

        using var admin = await dashboard.SignedInAsync(DashboardFixture.Admin);
        var manage = await admin.GetStringAsync($"/admin/users?person={Uri.EscapeDataString(Email)}");
        Assert.Contains("Mo Ving (moving.on@northdale.gov.uk)", manage);
        Assert.Contains($"{Email} is now Approver", await PostAsync(admin, "Role", new() { ["Email"] = Email, ["Role"] = "Approver" }));
        Assert.Contains($"Took NDC away from {Email}", await PostAsync(admin, "Ungrant", new() { ["Email"] = Email, ["Authorities"] = "NDC" }));
        await PostAsync(admin, "Ungrant", new() { ["Email"] = Email, ["Authorities"] = "NDC" }, HttpStatusCode.BadRequest);
        Assert.Contains("with the right to upload its data", await PostAsync(admin, "Grant", new() { ["Email"] = Email, ["Authorities"] = "NDC", ["Upload"] = "true" }));
        await PostAsync(admin, "Disable", new() { ["Email"] = Email });
        Assert.Contains($"Enabled {Email} again", await PostAsync(admin, "Enable", new() { ["Email"] = Email }));
        const string temporary = "temporary passphrase 0001";
        await PostAsync(admin, "TemporaryPassword", new() { ["Email"] = Email, ["Password"] = temporary });
        var listed = Users("list").Out;
        Assert.Contains($"{Email}\tMo Ving\tApprover\tNDC\tenabled", listed);

        // The person signs in with it and is sent to choose their own before anything else.
        using var person = dashboard.Browserless();
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardFixture.SignInAsync(person, Email, temporary)).StatusCode);
        var home = await person.GetAsync("/");
        Assert.Equal("/account/password", home.Headers.Location?.OriginalString);
        var form = await person.GetStringAsync("/account/password");
        Assert.Contains("An Admin set your password", form);
        var refused = await person.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["current"] = temporary, ["password"] = "my own passphrase 2026", ["confirm"] = "my own passphrase 2025",
            ["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not the same", await refused.Content.ReadAsStringAsync());
        var changed = await person.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["current"] = temporary, ["password"] = "my own passphrase 2026", ["confirm"] = "my own passphrase 2026",
            ["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(await person.GetStringAsync("/account/password")),
        }));
        Assert.Equal("/sign-in?changed=1", changed.Headers.Location?.OriginalString);
        using var signedInAgain = dashboard.Browserless();
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardFixture.SignInAsync(signedInAgain, Email, "my own passphrase 2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedInAgain.GetAsync("/")).StatusCode);

        var audit = (await dashboard.AuditAsync(before)).Select(a => (a.Action, a.Outcome)).ToList();
        foreach (var action in new[] { "user.role", "user.ungrant", "user.grant-upload", "user.disable", "user.enable", "user.password", "password.change" })
            Assert.Contains((action, "succeeded"), audit);
        Assert.Contains(("user.ungrant", "refused"), audit);
        Assert.Contains(("password.change", "refused"), audit);
    }

    [Fact]
    public async Task A_persons_tokens_are_listed_with_their_last_use_and_revoked_one_by_one()
    {
        const string owner = "tokens.owner@northdale.gov.uk";
        Assert.Equal(0, Users("add", owner, "--role", "Viewer", "--authority", "NDC").Exit);
        var first = Users("token", owner, "--name", "power-bi").Out.Trim();
        Assert.Equal(0, Users("token", owner, "--name", "spare").Exit);
        using (var api = dashboard.Serve.Client())
        {
            api.DefaultRequestHeaders.Authorization = new("Bearer", first);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/packs")).StatusCode);
        }
        var listed = Users("tokens", owner).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name\tcreated\tlast_used\texpires", listed[0]);
        Assert.DoesNotContain("never", listed.Single(l => l.StartsWith("power-bi\t", StringComparison.Ordinal)));
        Assert.Contains("never", listed.Single(l => l.StartsWith("spare\t", StringComparison.Ordinal)));

        using var admin = await dashboard.SignedInAsync(DashboardFixture.Admin);
        var page = await admin.GetStringAsync($"/admin/users?person={Uri.EscapeDataString(owner)}");
        Assert.Contains("power-bi", page);
        Assert.Contains("spare", page);
        var revoked = await admin.PostAsync("/admin/users?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = owner, ["TokenName"] = "power-bi", ["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        using (var api = dashboard.Serve.Client())
        {
            api.DefaultRequestHeaders.Authorization = new("Bearer", first);
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/packs")).StatusCode);
        }
        Assert.DoesNotContain(Users("tokens", owner).Out.Split('\n'), l => l.StartsWith("power-bi\t", StringComparison.Ordinal));

        // The command line's other changes, each refused with exit 2 when it names nothing.
        Assert.Equal(0, Users("role", owner, "--role", "Requester").Exit);
        Assert.Equal(0, Users("ungrant", owner, "--authority", "NDC").Exit);
        Assert.Equal(2, Users("ungrant", owner, "--authority", "NDC").Exit);
        Assert.Equal(2, Users("enable", owner).Exit);
        Assert.Contains($"{owner}\t{owner}\tRequester\t\tenabled", Users("list").Out);
    }
}
