using System.ComponentModel.DataAnnotations;
using ReportEngine.Kinds;

namespace ReportEngine.Archive;

public sealed class ArchiveOptions
{
    /// <summary>The file store (REPORTENGINE_ARCHIVE, default <c>./archive</c>).</summary>
    [Required]
    public string Folder { get; set; } = Environment.GetEnvironmentVariable("REPORTENGINE_ARCHIVE") is { Length: > 0 } folder ? folder : "archive";

    /// <summary>Years each report kind is kept (<c>Archive__RetentionYears__monthly</c>), where it differs from the kind's own default.</summary>
    public Dictionary<string, int> RetentionYears { get; set; } = [];

    /// <summary>For a record whose kind the engine no longer knows.</summary>
    public const int DefaultRetentionYears = 7;

    public int RetentionFor(string kind, ReportKinds kinds) =>
        RetentionYears.TryGetValue(kind, out var years) ? years : kinds.Find(kind)?.RetentionYears ?? DefaultRetentionYears;
}
