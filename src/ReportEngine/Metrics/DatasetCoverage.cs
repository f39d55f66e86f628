using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>
/// What each event file of a dataset holds completely (coverage.md): [<c>covers_from</c>, <c>covers_to</c>] from
/// coverage.csv, a missing end being the day the data was extracted and a missing start open. Without coverage.csv and
/// <c>extracted_on</c> every file covers every day.
/// </summary>
public sealed class DatasetCoverage
{
    private readonly Dictionary<string, FileSpan> _rows;

    private DatasetCoverage(DateOnly? extractedOn, Dictionary<string, FileSpan> rows, IReadOnlyList<string> suppliedEventFiles)
    {
        ExtractedOn = extractedOn;
        _rows = rows;
        Known = suppliedEventFiles.Select(f => (File: f, Span: Of(f))).Where(f => f.Span.From is not null || f.Span.To is not null)
            .Select(f => new KeyValuePair<string, FileSpan>(f.File, f.Span)).ToList();
    }

    /// <summary>Every day of every file: a dataset that says nothing of its coverage.</summary>
    public static DatasetCoverage Complete { get; } = new(null, [], []);

    /// <summary>authority.csv's <c>extracted_on</c>.</summary>
    public DateOnly? ExtractedOn { get; }

    /// <summary>The event files the dataset has whose coverage has a known start or end, in coverage.md's order (metrics.json's <c>coverage</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, FileSpan>> Known { get; }

    public static DatasetCoverage Of(EvidenceSet evidence) =>
        From(evidence.Authority.ExtractedOn, evidence.Coverage, [.. EventFiles.SuppliedIn(evidence)]);

    /// <param name="extractedOn">authority.csv's <c>extracted_on</c>.</param>
    /// <param name="rows">coverage.csv's rows; null without the file.</param>
    /// <param name="suppliedEventFiles">The event files the dataset has.</param>
    public static DatasetCoverage From(DateOnly? extractedOn, IReadOnlyList<FileCoverage>? rows, IReadOnlyList<string> suppliedEventFiles) =>
        extractedOn is null && rows is not { Count: > 0 }
            ? Complete
            : new DatasetCoverage(extractedOn,
                (rows ?? []).ToDictionary(c => c.File, c => new FileSpan(c.CoversFrom, c.CoversTo ?? extractedOn), StringComparer.Ordinal),
                suppliedEventFiles);

    /// <summary>The days <paramref name="file"/> holds completely; a bound is null where it is open.</summary>
    public FileSpan Of(string file) => _rows.TryGetValue(file, out var span) ? span : new FileSpan(null, ExtractedOn);

    /// <summary>Whether <paramref name="file"/> holds every day from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public bool Covers(string file, DateOnly first, DateOnly last)
    {
        var span = Of(file);
        return (span.From is not { } from || from <= first) && (span.To is not { } to || last <= to);
    }

    /// <summary>Whether <paramref name="file"/> holds at least one day from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public bool CoversAnyDay(string file, DateOnly first, DateOnly last)
    {
        var span = Of(file);
        return (span.From is not { } from || from <= last) && (span.To is not { } to || to >= first);
    }
}

/// <summary>The days a file holds completely; null where open.</summary>
public readonly record struct FileSpan(DateOnly? From, DateOnly? To);
