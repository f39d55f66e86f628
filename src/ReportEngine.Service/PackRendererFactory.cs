using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ReportEngine.Layout;
using ReportEngine.Packs;
using ReportEngine.Templating;

namespace ReportEngine.Service;

/// <summary>One renderer per report kind, sharing the warm browser; templates are read once per process.</summary>
public sealed class PackRendererFactory(ChromiumPdfPrinter printer, IOptions<PackOptions> options, TimeProvider clock)
{
    private static readonly Dictionary<string, PackKind> Kinds = new() { [PackKind.Monthly.Name] = PackKind.Monthly };
    private readonly ConcurrentDictionary<string, PackRenderer> _renderers = new();

    public PackRenderer For(string kind) => _renderers.GetOrAdd(kind, k =>
    {
        var packKind = Kinds.GetValueOrDefault(k) ?? throw new ArgumentException($"'{k}' is not a pack kind", nameof(kind));
        return new PackRenderer(packKind, TemplateSet.Load(options.Value.TemplatesRoot, k), printer, options.Value, clock);
    });
}
