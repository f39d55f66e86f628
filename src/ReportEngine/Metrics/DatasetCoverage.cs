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

    public static DatasetCoverage Of(EvidenceSet evidence)
    {
        if (evidence.Authority.ExtractedOn is null && evidence.Coverage is not { Count: > 0 }) return Complete;
        var rows = (evidence.Coverage ?? []).ToDictionary(c => c.File, c => new FileSpan(c.CoversFrom, c.CoversTo ?? evidence.Authority.ExtractedOn), StringComparer.Ordinal);
        var supplied = EventFiles.SuppliedIn(evidence).ToList();
        return new DatasetCoverage(evidence.Authority.ExtractedOn, rows, supplied);
    }

    /// <summary>The days <paramref name="file"/> holds completely; a bound is null where it is open.</summary>
    public FileSpan Of(string file) => _rows.TryGetValue(file, out var span) ? span : new FileSpan(null, ExtractedOn);

    /// <summary>Whether <paramref name="file"/> holds every day from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public bool Covers(string file, DateOnly first, DateOnly last)
    {
        var span = Of(file);
        return (span.From is not { } from || from <= first) && (span.To is not { } to || last <= to);
    }
}

/// <summary>The days a file holds completely; null where open.</summary>
public readonly record struct FileSpan(DateOnly? From, DateOnly? To);
