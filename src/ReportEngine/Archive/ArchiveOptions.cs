using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using ReportEngine.Kinds;

namespace ReportEngine.Archive;

public sealed class ArchiveOptions
{
    /// <summary>The file store (REPORTENGINE_ARCHIVE, default <c>./archive</c>).</summary>
    [Required]
    public string Folder { get; set; } = Environment.GetEnvironmentVariable("REPORTENGINE_ARCHIVE") is { Length: > 0 } folder ? folder : "archive";

    /// <summary>
    /// The private signing key (<c>ReportEngine__Archive__SigningKeyFile</c>); by default beside the file
    /// store, never inside it: <c>archive-signing-key.pem</c> next to <c>archive/</c>.
    /// </summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>How many times one report may be regenerated in a day (in the configured time zone); beyond it, refused.</summary>
    [Range(1, 1000)]
    public int RegenerationsPerDay { get; set; } = 5;

    /// <summary>Years each report kind is kept (<c>ReportEngine__Archive__RetentionYears__monthly</c>), where it differs from the kind's own default; 1 to 100.</summary>
    public Dictionary<string, string> RetentionYears { get; set; } = [];

    /// <summary>
    /// Where objects and checkpoints live: <c>files</c> in <see cref="Folder"/> (the default), or <c>postgresql</c> in the
    /// archive's database, so that serve processes on several machines share the archive without a shared folder. The
    /// folder still holds this machine's own things: the published public key, markers of writes in progress.
    /// </summary>
    public string Objects { get; set; } = FilesStore;

    public const string FilesStore = "files";
    public const string PostgresStore = "postgresql";

    /// <summary>For a record whose kind the engine no longer knows.</summary>
    public const int DefaultRetentionYears = 7;

    public const int MinRetentionYears = 1;
    public const int MaxRetentionYears = 100;

    public string SigningKeyPath => SigningKeyFile ?? BesideFolder("signing-key.pem");

    /// <summary>A file beside the archive's folder, named after it (<c>archive-NAME</c>): where its secrets are kept by default, outside it.</summary>
    public string BesideFolder(string name)
    {
        var folder = Path.GetFullPath(Folder);
        return Path.Combine(Path.GetDirectoryName(folder)!, $"{Path.GetFileName(folder)}-{name}");
    }

    public int RetentionFor(string kind, ReportKinds kinds) =>
        RetentionYears.TryGetValue(kind, out var years) && int.TryParse(years, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : kinds.Find(kind)?.RetentionYears ?? DefaultRetentionYears;
}

/// <summary>Each configured retention names a kind and is a whole number of years from 1 to 100: anything else stops start-up.</summary>
public sealed class ArchiveOptionsValidator(ReportKinds kinds) : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options)
    {
        var failures = new List<string>();
        if (options.Objects is not (ArchiveOptions.FilesStore or ArchiveOptions.PostgresStore))
            failures.Add($"ReportEngine:Archive:Objects: '{options.Objects}' is not '{ArchiveOptions.FilesStore}' or '{ArchiveOptions.PostgresStore}'");
        // The key signs what the folder holds: kept inside it, a copy of the folder (a backup, an export) would carry the secret.
        var folder = Path.GetFullPath(options.Folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (Path.GetFullPath(options.SigningKeyPath).StartsWith(folder, StringComparison.Ordinal))
            failures.Add($"ReportEngine:Archive:SigningKeyFile: {options.SigningKeyPath} is inside the archive's folder {options.Folder}; keep the private key outside it");
        foreach (var (kind, years) in options.RetentionYears)
        {
            if (kinds.Find(kind) is null)
                failures.Add($"ReportEngine:Archive:RetentionYears:{kind}: '{kind}' is not a report kind ({string.Join(", ", kinds.All.Select(k => k.Name))})");
            else if (!int.TryParse(years, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < ArchiveOptions.MinRetentionYears or > ArchiveOptions.MaxRetentionYears)
                failures.Add($"ReportEngine:Archive:RetentionYears:{kind}: '{years}' is not a whole number of years from {ArchiveOptions.MinRetentionYears} to {ArchiveOptions.MaxRetentionYears}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
