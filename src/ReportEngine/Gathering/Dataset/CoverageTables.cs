using ReportEngine.Evidence;

using static ReportEngine.Gathering.Dataset.Declare;

namespace ReportEngine.Gathering.Dataset;

/// <summary>coverage.md's file, declared as every other (<see cref="DatasetFile"/>); its checks across files are <see cref="CoverageChecks"/>.</summary>
internal static class CoverageTables
{
    /// <summary>coverage.csv: optional, and a dataset without it reads as before (every file covers every day).</summary>
    public static readonly DatasetFile<FileCoverage> Coverage = new("coverage.csv", "coverage",
        [C<FileCoverage>("file", c => c.File), C<FileCoverage>("covers_from", c => c.CoversFrom), C<FileCoverage>("covers_to", c => c.CoversTo)],
        r =>
        {
            var c = new FileCoverage(r.Text("file"), r.OptionalDate("covers_from"), r.OptionalDate("covers_to"));
            if (!r.HasErrors && c.CoversFrom > c.CoversTo) r.Error("covers_from", $"{c.CoversFrom:yyyy-MM-dd} is after covers_to {c.CoversTo:yyyy-MM-dd}");
            return c;
        },
        Slot<FileCoverage>(e => e.Coverage, (p, rows) => p.Coverage = rows), FileNeed.Optional);
}
