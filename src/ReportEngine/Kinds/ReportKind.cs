using ReportEngine.Composition;
using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Kinds;

/// <summary>
/// A kind of report, described once: its name, period type, parameter, template folder, figures, view model, file
/// name, default schedule and retention. Everything else (the command line, jobs, the archive) takes these from here.
/// </summary>
public abstract class ReportKind
{
    private protected ReportKind(ReportKindSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.Name) || spec.Name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
            throw new ArgumentException($"'{spec.Name}' is not a kind name (lower-case letters, digits and '-')", nameof(spec));
        if (spec.RetentionYears is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(spec), "retention is 1 to 100 years");
        Spec = spec;
        CommentarySlots = [Overall, .. spec.CommentarySlots ?? []];
    }

    private ReportKindSpec Spec { get; }

    /// <summary>As written on the command line and in the archive: <c>monthly</c>.</summary>
    public string Name => Spec.Name;

    /// <summary>For people: <c>Inspection-readiness pack</c>.</summary>
    public string Title => Spec.Title;

    public PeriodType PeriodType => Spec.PeriodType;

    /// <summary>Whether the kind is made for one quality statement (<c>--statement CODE</c>).</summary>
    public bool TakesStatement => Spec.TakesStatement;

    /// <summary>Its folder under <c>templates/</c>, holding <c>pack</c>, <c>header</c> and <c>footer</c> templates.</summary>
    public string TemplateFolder => Spec.Name;

    /// <summary>Five-field cron (in the service's time zone) for the latest period ended; null when made on demand only.</summary>
    public string? DefaultSchedule => Spec.DefaultSchedule;

    /// <summary>Years an archived report of this kind is kept unless configured otherwise.</summary>
    public int RetentionYears => Spec.RetentionYears;

    /// <summary>The marking the kind is published under when none is set for it (<c>ReportEngine:Markings:KIND</c>); null: the service's.</summary>
    public string? DefaultMarking => Spec.DefaultMarking;

    /// <summary>
    /// Where people may write what the figures mean (review.md): <c>overall</c> first, then the kind's own slots, each
    /// printed at the top of its section.
    /// </summary>
    public IReadOnlyList<string> CommentarySlots { get; }

    /// <summary>The commentary slot every kind has, printed before the report's first figures.</summary>
    public const string Overall = "overall";

    /// <summary>The figures that stand for a report where there is room for a few only (the dashboard's home page).</summary>
    public IReadOnlyList<Headline> Headlines => Spec.Headlines ?? [];

    /// <summary>The PDF's file name: <c>NDC-2024-01-monthly.pdf</c>.</summary>
    public string FileName(ReportIdentity report) => $"{report.Authority}-{Stem(report)}.pdf";

    /// <summary>The report's name within its authority: <c>2024-01-monthly</c>, <c>2024-01-qs-LEARNING</c> (the service's output folder).</summary>
    public string Stem(ReportIdentity report) => $"{report.Period}-{(report.Statement is { } s ? $"qs-{CodeNames.ToCode(s)}" : Name)}";

    /// <summary>Every figure of the report, pure: the same evidence and identity give the same figures.</summary>
    internal abstract IReportFigures Compute(EvidenceSet evidence, ReportIdentity report);

    /// <summary>The object the kind's templates render.</summary>
    internal abstract object BuildViewModel(ReportContext context, IReportFigures figures, PageNumbers pages);

    public override string ToString() => Name;

    /// <summary>Describes a kind: its figures come from <paramref name="compute"/>, its view model from <paramref name="builder"/>.</summary>
    public static ReportKind Define<TFigures>(ReportKindSpec spec, Func<EvidenceSet, ReportIdentity, TFigures> compute, IViewModelBuilder<TFigures> builder)
        where TFigures : IReportFigures => new Typed<TFigures>(spec, compute, builder);

    private sealed class Typed<TFigures>(ReportKindSpec spec, Func<EvidenceSet, ReportIdentity, TFigures> compute, IViewModelBuilder<TFigures> builder)
        : ReportKind(spec) where TFigures : IReportFigures
    {
        internal override IReportFigures Compute(EvidenceSet evidence, ReportIdentity report) => compute(evidence, report);

        internal override object BuildViewModel(ReportContext context, IReportFigures figures, PageNumbers pages) =>
            builder.Build(context, (TFigures)figures, pages);
    }
}

/// <summary>The plain facts of a kind (see <see cref="ReportKind"/>).</summary>
/// <param name="CommentarySlots">Its commentary slots besides <see cref="ReportKind.Overall"/>, each named as the section it heads.</param>
/// <param name="DefaultMarking">The protective marking of a kind written for the public, unless one is set for it; null: the service's.</param>
public sealed record ReportKindSpec(
    string Name,
    string Title,
    PeriodType PeriodType,
    bool TakesStatement = false,
    string? DefaultSchedule = null,
    int RetentionYears = 7,
    IReadOnlyList<Headline>? Headlines = null,
    IReadOnlyList<string>? CommentarySlots = null,
    string? DefaultMarking = null);

/// <summary>A headline figure: a key of the kind's metrics.json and what people call it.</summary>
public sealed record Headline(string Key, string Label);
