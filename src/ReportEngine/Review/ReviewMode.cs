namespace ReportEngine.Review;

/// <summary>
/// Whether an authority's reports of a kind are reviewed (review.md): <see cref="None"/> (the default) issues a report
/// when it is asked for; <see cref="Required"/> makes a draft, and only an approval issues it.
/// </summary>
public enum ReviewMode
{
    None,
    Required,
}

public static class ReviewModes
{
    /// <summary>The mode as written on the command line and stored: <c>none</c>, <c>required</c>.</summary>
    public static string Name(this ReviewMode mode) => mode == ReviewMode.Required ? "required" : "none";

    public static ReviewMode? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "none" => ReviewMode.None,
        "required" => ReviewMode.Required,
        _ => null,
    };
}
