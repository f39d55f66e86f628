using ReportEngine.Layout;
using ReportEngine.Packs;
using ReportEngine.Templating;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

internal static class BenchRenderer
{
    /// <summary>The monthly pack renderer on the repository's templates, printing through <paramref name="browser"/>.</summary>
    public static PackRenderer Create(ChromiumBrowser browser) =>
        new(PackKind.Monthly, TemplateSet.Load(Repo.Templates, PackKind.Monthly.Name),
            new ChromiumPdfPrinter(browser), new PackOptions(), TimeProvider.System);
}
