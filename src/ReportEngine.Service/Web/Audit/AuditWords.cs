namespace ReportEngine.Service.Web.Audit;

/// <summary>The audit log's event keys and outcomes as the Audit log page words them; the key itself for one it does not know.</summary>
public static class AuditWords
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["sign-in.password"] = "Signed in with a password",
        ["sign-in.token"] = "Used an API token",
        ["sign-in.oidc"] = "Signed in with the council's account",
        ["sign-out"] = "Signed out",
        ["request"] = "Asked for a report",
        ["regenerate"] = "Regenerated a report",
        ["download.pdf"] = "Downloaded a report's PDF",
        ["download.pdfa"] = "Downloaded a report's PDF/A copy",
        ["download.metrics"] = "Downloaded a report's figures (metrics.json)",
        ["download.html"] = "Opened a report's HTML edition",
        ["download.xlsx"] = "Downloaded a report's Excel edition",
        ["download.docx"] = "Downloaded a report's Word edition",
        ["download.draft"] = "Opened a draft's PDF",
        ["draft.commentary"] = "Wrote a draft's commentary",
        ["draft.approve"] = "Approved a draft",
        ["draft.return"] = "Returned a draft for changes",
        ["draft.discard"] = "Discarded a draft",
        ["review-mode.set"] = "Changed whether a report needs sign-off",
        ["user.add"] = "Added a person",
        ["user.grant"] = "Granted an authority",
        ["user.grant-upload"] = "Granted an authority with the right to upload its data",
        ["user.disable"] = "Disabled a person",
        ["user.enable"] = "Enabled a person again",
        ["user.role"] = "Changed a person's role",
        ["user.ungrant"] = "Took an authority away",
        ["user.password"] = "Set a temporary password",
        ["password.change"] = "Changed their own password",
        ["token.issue"] = "Issued an API token",
        ["token.revoke"] = "Revoked an API token",
        ["recipient.add"] = "Added a recipient",
        ["recipient.remove"] = "Removed a recipient",
        ["subscription.add"] = "Subscribed to a report by email",
        ["subscription.remove"] = "Unsubscribed from a report by email",
        ["dataset.upload"] = "Uploaded data",
        ["dataset.import"] = "Imported uploaded data",
        ["schedule.time"] = "Changed a schedule's time",
        ["schedule.pause"] = "Paused a schedule",
        ["schedule.resume"] = "Resumed a schedule",
        ["schedule.run-now"] = "Ran a schedule now",
        ["schedule.default"] = "Put a schedule back to the settings'",
        ["audit.export"] = "Exported the audit log",
    };

    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    public static string Outcome(string outcome) => outcome switch
    {
        "succeeded" => "Succeeded",
        "refused" => "Refused",
        "failed" => "Failed",
        "locked-out" => "Locked out",
        "rate-limited" => "Too many attempts",
        _ => outcome,
    };
}
