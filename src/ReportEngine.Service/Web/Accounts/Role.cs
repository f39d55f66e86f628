namespace ReportEngine.Service.Web.Accounts;

/// <summary>What a person may do (web.md): each role may do all that the one before it may.</summary>
public enum Role
{
    /// <summary>Sees and downloads the reports of the authorities granted to them.</summary>
    Viewer,

    /// <summary>As Viewer, and requests or regenerates reports for those authorities.</summary>
    Requester,

    /// <summary>As Requester, and signs off drafts of those authorities' reports (review.md): approves, returns or discards them.</summary>
    Approver,

    /// <summary>Everything, for every authority: users, grants, tokens, schedules, holds, the audit log, the job dashboard.</summary>
    Admin,
}
