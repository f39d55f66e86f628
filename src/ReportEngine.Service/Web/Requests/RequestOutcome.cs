namespace ReportEngine.Service.Web.Requests;

/// <summary>What became of a request: taken (new, or answered from the archive), refused field by field, or one too many.</summary>
public abstract record RequestOutcome
{
    /// <param name="FromArchive">The report was archived already and nothing will be rendered.</param>
    public sealed record Taken(OnDemandRequest Request, bool FromArchive) : RequestOutcome;

    /// <param name="Errors">Field name (as in <see cref="RequestForm"/>, camel-cased) → what is wrong with it, in the order of the form.</param>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : RequestOutcome;

    /// <summary>
    /// A well-formed request for a period no report may be made for yet: one that has not ended, or one the authority's
    /// data does not reach (coverage.md). <paramref name="Errors"/> names <c>period</c>; <paramref name="Title"/> says which.
    /// </summary>
    public sealed record OutsideData(string Title, IReadOnlyDictionary<string, string> Errors) : RequestOutcome;

    /// <summary>The authority does not exist or is not granted: answered alike, as if it did not exist.</summary>
    public sealed record UnknownAuthority : RequestOutcome;

    /// <summary>Too many requests in flight, or a report regenerated as often as a day allows; <paramref name="Detail"/> says which.</summary>
    public sealed record TooMany(string Detail) : RequestOutcome;
}
