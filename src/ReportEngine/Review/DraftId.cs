namespace ReportEngine.Review;

/// <summary>A draft's number (review.md): in its address, <c>/drafts/ID</c>, and named by the archive entry its approval issues.</summary>
public readonly record struct DraftId(long Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
