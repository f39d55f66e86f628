using System.Net;

namespace ReportEngine.Tests.Web;

/// <summary>Admin's Recipients page: adding and removing, each change audited, bad addresses refused beside the field.</summary>
[Collection(DashboardCollection.Name)]
public sealed class RecipientsPageTests(DashboardFixture dashboard)
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> form)
    {
        var page = await client.GetStringAsync("/admin/recipients");
        form["__RequestVerificationToken"] = DashboardFixture.AntiforgeryToken(page);
        return await client.PostAsync($"/admin/recipients?handler={handler}", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task Admin_adds_and_removes_a_recipient_and_each_change_is_audited()
    {
        using var admin = await dashboard.SignedInAsync(DashboardFixture.Admin);
        var before = await dashboard.LastAuditIdAsync();
        var added = await PostAsync(admin, "Add", new() { ["Email"] = "cabinet.member@northdale.gov.uk", ["Authority"] = "NDC", ["Kind"] = "complaints-annual", ["Attach"] = "true" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var list = CliProcess.Run(dashboard.CliEnvironment, "recipients", "list", "--db", dashboard.Database).Out;
        Assert.Contains("NDC\tcomplaints-annual\tcabinet.member@northdale.gov.uk\t\tyes", list);

        var refused = await PostAsync(admin, "Add", new() { ["Email"] = "not an address", ["Authority"] = "NDC", ["Kind"] = "monthly" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"email-error\"", await refused.Content.ReadAsStringAsync());

        var removed = await PostAsync(admin, "Remove", new() { ["Email"] = "cabinet.member@northdale.gov.uk", ["Authority"] = "NDC", ["Kind"] = "complaints-annual" });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.DoesNotContain("cabinet.member", CliProcess.Run(dashboard.CliEnvironment, "recipients", "list", "--db", dashboard.Database).Out);

        var audit = await dashboard.AuditAsync(before);
        Assert.Contains(audit, a => a.Action == "recipient.add" && a.Outcome == "succeeded" && a.Actor == $"person:{DashboardFixture.Admin.Email}");
        Assert.Contains(audit, a => a.Action == "recipient.add" && a.Outcome == "refused");
        Assert.Contains(audit, a => a.Action == "recipient.remove" && a.Outcome == "succeeded");
    }
}
