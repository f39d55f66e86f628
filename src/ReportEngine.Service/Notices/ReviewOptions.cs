using System.ComponentModel.DataAnnotations;

namespace ReportEngine.Service.Notices;

/// <summary>Review's settings (review.md): section <c>ReportEngine:Review</c>, or <c>ReportEngine__Review__*</c> environment variables.</summary>
public sealed class ReviewOptions
{
    public const string Section = "ReportEngine:Review";

    /// <summary>A draft still open this many working days (Monday to Friday, not bank holidays) after it was made sends its Approvers one reminder.</summary>
    [Range(1, 60)]
    public int RemindAfterWorkingDays { get; set; } = 3;
}
