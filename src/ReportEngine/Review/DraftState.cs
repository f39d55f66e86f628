namespace ReportEngine.Review;

/// <summary>
/// Where a draft stands (review.md). Open and returned drafts are worked on; a stale one was made from evidence since
/// replaced, and can only be made again or discarded; approved and discarded ones are finished.
/// </summary>
public static class DraftState
{
    public const string Open = "open";
    public const string Returned = "returned";
    public const string Approved = "approved";
    public const string Discarded = "discarded";
    public const string Stale = "stale";

    public static IReadOnlyList<string> All { get; } = [Open, Returned, Approved, Discarded, Stale];

    /// <summary>The report's current draft: at most one per report is in one of these states.</summary>
    public static bool IsCurrent(string state) => state is Open or Returned or Stale;
}
