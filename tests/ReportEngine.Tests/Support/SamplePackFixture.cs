using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReportEngine.Evidence;
using ReportEngine.Gathering;
using ReportEngine.Issuing;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Rendering;

namespace ReportEngine.Tests.Support;

/// <summary>One warm Chromium for the tests of one collection, and the sample pack for January 2024 rendered once with it.</summary>
public sealed class SamplePackFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset GeneratedAt = new(2024, 2, 1, 6, 0, 0, TimeSpan.Zero);

    public ChromiumBrowser Browser { get; } = new(new ChromiumOptions());
    public RenderedReport Pack { get; private set; } = null!;
    public IReadOnlyList<string> PageTexts { get; private set; } = [];

    /// <summary>The renderers of every kind, on the shared browser, with a clock fixed at <see cref="GeneratedAt"/> (or <paramref name="clock"/>).</summary>
    public ReportRenderers Renderers(string? templatesRoot = null, TimeProvider? clock = null, ILoggerFactory? loggers = null) =>
        new(new ChromiumPdfPrinter(Browser), new ReportOptions { TemplatesRoot = templatesRoot ?? Repo.Templates }, clock ?? new FakeTimeProvider(GeneratedAt),
            loggers ?? NullLoggerFactory.Instance);

    public ReportRenderer Renderer(string? templatesRoot = null) => Renderers(templatesRoot).For(ReportKinds.Monthly);

    /// <summary>Renders a report of a dataset folder through the issuing path, without an archive.</summary>
    public async Task<RenderedReport> RenderAsync(string datasetFolder, ReportKind? kind = null, string period = "2024-01", QualityStatement? statement = null,
        ReportKinds? kinds = null, string? templatesRoot = null, ILoggerFactory? loggers = null, ReportEngine.Review.ReviewMarks? review = null)
    {
        kind ??= ReportKinds.Monthly;
        Assert.True(kind.PeriodType.TryParse(period, out var parsed));
        var issuer = new ReportIssuer(Renderers(templatesRoot, loggers: loggers), new EndedPeriods(TimeProvider.System, new ReportOptions().FindZone()), NullLogger<ReportIssuer>.Instance);
        var folder = new DatasetFolderSource(datasetFolder);
        var report = ReportIdentity.Of(await folder.AuthorityCodeAsync(), kind, parsed, statement);
        var issued = await issuer.IssueAsync(new ReportRequest(report, folder, Requester.Person("test"), Review: review));
        return issued.Rendered!;
    }

    public async Task InitializeAsync()
    {
        Pack = await RenderAsync(Repo.Sample);
        PageTexts = PdfText.PerPage(Pack.Pdf);
    }

    public async Task DisposeAsync() => await Browser.DisposeAsync();
}
