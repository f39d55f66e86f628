using Microsoft.Extensions.Time.Testing;
using ReportEngine.Gathering;
using ReportEngine.Layout;
using ReportEngine.Metrics;
using ReportEngine.Packs;
using ReportEngine.Templating;

namespace ReportEngine.Tests.Support;

/// <summary>One warm Chromium for the whole test run, and the sample pack for January 2024 rendered once with it.</summary>
public sealed class SamplePackFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset GeneratedAt = new(2024, 2, 1, 6, 0, 0, TimeSpan.Zero);
    public static readonly ReportingPeriod Period = new(2024, 1);

    public ChromiumBrowser Browser { get; } = new(new ChromiumOptions());
    public RenderedPack Pack { get; private set; } = null!;
    public IReadOnlyList<string> PageTexts { get; private set; } = [];

    public PackRenderer Renderer(string? templatesRoot = null) => new(PackKind.Monthly,
        TemplateSet.Load(templatesRoot ?? Repo.Templates, PackKind.Monthly.Name),
        new ChromiumPdfPrinter(Browser), new PackOptions(), new FakeTimeProvider(GeneratedAt));

    public Task<RenderedPack> RenderAsync(string datasetFolder) => Renderer().RenderAsync(new DatasetFolderSource(datasetFolder), Period);

    public async Task InitializeAsync()
    {
        Pack = await RenderAsync(Repo.Sample);
        PageTexts = PdfText.PerPage(Pack.Pdf);
    }

    public async Task DisposeAsync() => await Browser.DisposeAsync();
}

/// <summary>Tests that use real Chromium or PostgreSQL run one at a time, sharing one browser and one throwaway cluster.</summary>
[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<SamplePackFixture>, ICollectionFixture<PostgresFixture>
{
    public const string Name = "integration";
}
