using System.ComponentModel.DataAnnotations;

namespace ReportEngine.Archive;

public sealed class ArchiveOptions
{
    /// <summary>The file store (REPORTENGINE_ARCHIVE, default <c>./archive</c>).</summary>
    [Required]
    public string Folder { get; set; } = Environment.GetEnvironmentVariable("REPORTENGINE_ARCHIVE") is { Length: > 0 } folder ? folder : "archive";

    /// <summary>How many years each pack kind is kept; monthly packs 7 years unless configured.</summary>
    public Dictionary<string, int> RetentionYears { get; set; } = new() { ["monthly"] = 7 };

    public const int DefaultRetentionYears = 7;

    public int RetentionFor(string kind) => RetentionYears.TryGetValue(kind, out var years) ? years : DefaultRetentionYears;
}
