namespace ReportEngine.Service.Notices;

/// <summary>The messages review sends about a draft (review.md); never with the PDF, always with the link to its page.</summary>
public static class DraftNotice
{
    /// <summary>A scheduled run made a draft: to each Approver of its authority.</summary>
    public const string Ready = "ready";

    /// <summary>The draft is still open after <see cref="ReviewOptions.RemindAfterWorkingDays"/> working days: to each Approver, once.</summary>
    public const string Reminder = "reminder";

    /// <summary>An Approver returned the draft: to the people who changed its commentary, with the reason.</summary>
    public const string Returned = "returned";
}
