using System.Text.Json;
using System.Text.Json.Serialization;
using ReportEngine.Review;

namespace ReportEngine.Archive;

/// <summary>
/// An approved report's review as its archive entry keeps it (the <see cref="ArchiveFile.Review"/> file): the approval
/// and every slot's commentary exactly as printed, so that the entry can be rendered again, marks and all.
/// </summary>
public static class ArchivedReview
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private sealed record Document(string Format, Approval? ApprovedBy, IReadOnlyList<Commentary> Commentary);

    private const string Format = "reportengine-review";

    public static byte[] Serialize(ReviewMarks marks) =>
        JsonSerializer.SerializeToUtf8Bytes(new Document(Format, marks.ApprovedBy, marks.Commentary), Options);

    public static ReviewMarks Deserialize(byte[] bytes)
    {
        var document = JsonSerializer.Deserialize<Document>(bytes, Options) ?? throw new InvalidDataException("The review file is empty.");
        if (document.Format != Format) throw new InvalidDataException($"Not a review file: format '{document.Format}'.");
        return new ReviewMarks(false, document.ApprovedBy, document.Commentary);
    }
}
