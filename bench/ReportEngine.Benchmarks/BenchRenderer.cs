using Microsoft.Extensions.Logging.Abstractions;
using ReportEngine.Gathering;
using ReportEngine.Issuing;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Rendering;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

internal static class BenchRenderer
{
    /// <summary>The renderers of every kind on the repository's templates, printing through <paramref name="browser"/>.</summary>
    public static ReportRenderers Renderers(ChromiumBrowser browser) =>
        new(new ChromiumPdfPrinter(browser), new ReportOptions { TemplatesRoot = Repo.Templates }, TimeProvider.System, NullLoggerFactory.Instance);

    /// <summary>The monthly pack renderer.</summary>
    public static ReportRenderer Create(ChromiumBrowser browser) => Renderers(browser).For(ReportKinds.Monthly);

    /// <summary>The issuing path, into <paramref name="archive"/> when given.</summary>
    public static ReportIssuer Issuer(ChromiumBrowser browser, IssuingArchive? archive = null) =>
        new(Renderers(browser), new EndedPeriods(TimeProvider.System, new ReportOptions().FindZone()), NullLogger<ReportIssuer>.Instance, archive);

    /// <summary>A request for a report of a dataset folder.</summary>
    public static ReportRequest Request(string dataset, ReportKind? kind = null, string period = "2024-01", Evidence.QualityStatement? statement = null)
    {
        kind ??= ReportKinds.Monthly;
        if (!kind.PeriodType.TryParse(period, out var parsed)) throw new ArgumentException(kind.PeriodType.Refusal(period), nameof(period));
        var folder = new DatasetFolderSource(dataset);
        var report = ReportIdentity.Of(folder.AuthorityCodeAsync().GetAwaiter().GetResult(), kind, parsed, statement);
        return new ReportRequest(report, folder, Requester.Person("benchmark"));
    }
}
