using ReportEngine.Archive;
using ReportEngine.Composition;
using ReportEngine.Evidence;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Metrics;
using ReportEngine.Tests.Archive;
using ReportEngine.Tests.Support;
using static ReportEngine.Metrics.MetricKeys;

namespace ReportEngine.Tests.Kinds;

/// <summary>
/// A fourth kind needs a template folder, a builder and one registry entry, nothing else: this one lives in the test
/// project alone (with templates in a temporary folder beside the shared ones) and is rendered, archived and rendered again.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class NewKindTests(SamplePackFixture packs, PostgresFixture postgres)
{
    /// <summary>How many complaints each month of the year ending with M; a tiny kind.</summary>
    private sealed record ComplaintCountFigures(ReportingPeriod Month, int Received) : IReportFigures
    {
        public IEnumerable<KeyValuePair<string, MetricValue>> ByKey() => [K("complaints.received_12m", N(Received))];
    }

    private sealed class ComplaintCountBuilder : IViewModelBuilder<ComplaintCountFigures>
    {
        public object Build(ReportContext context, ComplaintCountFigures figures, PageNumbers pages) =>
            new { Pack = ReportHeading.For(context), Contents = pages.Contents, figures.Received };
    }

    private static readonly ReportKind ComplaintCount = ReportKind.Define(
        new ReportKindSpec("complaint-count", "Complaint count", PeriodType.Month, RetentionYears: 2),
        (evidence, report) => new ComplaintCountFigures(report.Period.LastMonth,
            ComplaintMetrics.Compute(evidence, report.Period.LastMonth).Received12m),
        new ComplaintCountBuilder());

    [Fact]
    public async Task A_kind_defined_in_the_test_project_renders_archives_and_renders_again()
    {
        using var templates = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Templates, "shared"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(templates.Path, Path.GetRelativePath(Repo.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Directory.CreateDirectory(Path.Combine(templates.Path, "complaint-count"));
        File.WriteAllText(Path.Combine(templates.Path, "complaint-count", "pack.sbn-html"), """
            <!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ pack.authority_name }}</title><style>{{ partial "pack.css" }}</style></head>
            <body><h1>Complaints</h1><p>{{ pack.authority_name }} received {{ fmt.count received }} complaints in the twelve months to {{ fmt.month pack.period }}.</p></body></html>
            """);

        var kinds = ReportKinds.Standard.With(ComplaintCount);
        await using var test = await TestArchive.CreateAsync(packs, postgres, kinds);
        var issued = await test.IssueAsync(ComplaintCount, "2024-01", templatesRoot: templates.Path);

        Assert.Equal("NDC-2024-01-complaint-count.pdf", issued.Report.FileName);
        Assert.Contains("Northdale County Council received 118 complaints in the twelve months to January 2024.",
            PdfText.PerPage(issued.Rendered!.Pdf)[0].Replace("\n", " "));
        Assert.Contains("\"kind\": \"complaint-count\"", System.Text.Encoding.UTF8.GetString(issued.Rendered.MetricsJson));
        Assert.Equal("complaint-count", issued.Entry!.Kind);
        Assert.Equal(2, new ArchiveOptions().RetentionFor("complaint-count", kinds));

        var again = await test.Archive.Rerenderer.RerenderAsync(issued.Entry.Id, test.Renderers(templates.Path).With);
        Assert.True(again.Identical, again.FirstDifference);
        Assert.True((await test.Archive.VerifyAsync()).Intact);
    }
}
