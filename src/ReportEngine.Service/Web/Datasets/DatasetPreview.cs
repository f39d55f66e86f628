using System.Globalization;
using ReportEngine.Gathering;
using ReportEngine.Kinds;
using ReportEngine.Metrics;

namespace ReportEngine.Service.Web.Datasets;

/// <summary>
/// What an uploaded dataset holds, shown before anyone imports it (web.md version 2): its rows per file, what its files
/// say they cover (as metrics.json gives coverage), and the periods each kind of report may be made for, newest first.
/// </summary>
/// <param name="Covered">Each event file's first and last covered day (yyyy-MM-dd), where the dataset says.</param>
/// <param name="ExtractedOn">authority.csv's <c>extracted_on</c>, when given.</param>
/// <param name="Periods">By kind: the periods coverage.md allows, newest first.</param>
public sealed record DatasetPreview(
    string Authority,
    string AuthorityName,
    IReadOnlyList<FileRows> Files,
    IReadOnlyList<CoveredDays> Covered,
    string? ExtractedOn,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Periods)
{
    public int Rows => Files.Sum(f => f.Rows);

    /// <summary>The coverage as metrics.json gives it: each file's <c>from</c> and <c>to</c>, and <c>extracted_on</c>.</summary>
    public IReadOnlyDictionary<string, object> Coverage()
    {
        var coverage = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var c in Covered) coverage[c.File] = new Dictionary<string, string?> { ["from"] = c.From, ["to"] = c.To };
        if (ExtractedOn is not null) coverage["extracted_on"] = ExtractedOn;
        return coverage;
    }

    public static DatasetPreview Of(GatheredEvidence gathered, ReportKinds kinds)
    {
        var evidence = gathered.Evidence;
        var data = DatasetCoverage.Of(evidence);
        var bounds = DatasetBounds.Of(evidence);
        return new DatasetPreview(evidence.Authority.Code, evidence.Authority.Name,
            gathered.Provenance.RowsPerFile.Select(r => new FileRows(r.Key, r.Value)).ToList(),
            data.Known.Select(k => new CoveredDays(k.Key, Day(k.Value.From), Day(k.Value.To))).ToList(),
            Day(data.ExtractedOn),
            kinds.All.ToDictionary(k => k.Name, k => (IReadOnlyList<string>)bounds.Offered(k.PeriodType).Select(p => p.ToString()).ToList(), StringComparer.Ordinal));
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A file of the dataset and its data rows.</summary>
public sealed record FileRows(string File, int Rows);

/// <summary>What an event file says it covers: from its first day, to its last (either may be open).</summary>
public sealed record CoveredDays(string File, string? From, string? To);
