using System.Text.Json.Serialization;

namespace ReportEngine.Evidence;

/// <summary>
/// The Care Act operations files of operations.md. Every one is optional: a file the dataset lacks is null, and the
/// figures it feeds are then left out rather than shown as zero.
/// </summary>
public sealed record CareActEvidence(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Wait>? Waits = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SupportEpisode>? LongTermSupport = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SupportReview>? Reviews = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SafeguardingConcern>? Concerns = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SafeguardingEnquiry>? Enquiries = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DolsApplication>? Dols = null)
{
    /// <summary>A dataset with none of the six files.</summary>
    public static CareActEvidence None { get; } = new();

    /// <summary>The files operations.md names, in its order, with whether this dataset supplied each.</summary>
    [JsonIgnore]
    public IEnumerable<(string File, bool Supplied)> Files =>
    [
        (WaitsFile, Waits is not null), (LongTermSupportFile, LongTermSupport is not null), (ReviewsFile, Reviews is not null),
        (ConcernsFile, Concerns is not null), (EnquiriesFile, Enquiries is not null), (DolsFile, Dols is not null),
    ];

    public const string WaitsFile = "waits.csv";
    public const string LongTermSupportFile = "long_term_support.csv";
    public const string ReviewsFile = "reviews.csv";
    public const string ConcernsFile = "safeguarding_concerns.csv";
    public const string EnquiriesFile = "safeguarding_enquiries.csv";
    public const string DolsFile = "dols_applications.csv";
}
