using ReportEngine.Metrics;
using ReportEngine.Foundation;
using ReportEngine.Evidence;

namespace ReportEngine.Kinds;

/// <summary>
/// What makes a report that report: one authority, one kind, one period and, for some kinds, one quality statement.
/// A report is issued once per identity; run records, the archive index, file names and job arguments all use it.
/// </summary>
public readonly record struct ReportIdentity
{
    private ReportIdentity(string authority, ReportKind kind, ReportPeriod period, QualityStatement? statement)
    {
        Authority = authority;
        Kind = kind;
        Period = period;
        Statement = statement;
    }

    public string Authority { get; }
    public ReportKind Kind { get; }
    public ReportPeriod Period { get; }
    public QualityStatement? Statement { get; }

    /// <summary>The parameter as stored: the statement's code, or empty for kinds without one.</summary>
    public string Parameter => Statement is { } s ? CodeNames.ToCode(s) : "";

    public string FileName => Kind.FileName(this);

    /// <summary>The report's name within its authority's folder: <c>2024-01-monthly</c>.</summary>
    public string Stem => Kind.Stem(this);

    /// <summary>Checks that the period is of the kind's type and that the statement is given exactly when the kind takes one.</summary>
    public static ReportIdentity Of(string authority, ReportKind kind, ReportPeriod period, QualityStatement? statement = null)
    {
        if (!Foundation.SafePath.IsAuthorityCode(authority)) throw new Foundation.ReportRequestRefusedException(Foundation.SafePath.AuthorityCodeRefusal(authority));
        if (period.Type != kind.PeriodType)
            throw new ArgumentException($"a {kind.Name} report is for a {kind.PeriodType.Name} ({kind.PeriodType.Placeholder}), not a {period.Type?.Name}", nameof(period));
        if (kind.TakesStatement != statement.HasValue)
            throw new ArgumentException(kind.TakesStatement ? $"a {kind.Name} report needs a quality statement" : $"a {kind.Name} report takes no quality statement", nameof(statement));
        return new ReportIdentity(authority, kind, period, statement);
    }

    /// <summary><c>NDC/monthly/2024-01</c>, <c>NDC/quality-statement/2024-01/LEARNING</c>.</summary>
    /// <summary>How a person reads the report's name: "Inspection-readiness pack, January 2024", "Quality statement report: LEARNING, January 2024".</summary>
    public string Title => $"{Kind.Title}{(Statement is null ? "" : $": {Parameter}")}, {Period.Words}";

    public override string ToString() => Statement is null ? $"{Authority}/{Kind.Name}/{Period}" : $"{Authority}/{Kind.Name}/{Period}/{Parameter}";

    /// <summary>Reads the form <see cref="ToString"/> writes; null with every problem when it does not name a report.</summary>
    public static ReportIdentity? TryParse(string text, ReportKinds kinds, out string? problem)
    {
        var parsed = ReportFields.FromText(text)?.Parse(kinds);
        problem = parsed is null ? $"'{text}' is not a report like NDC/monthly/2024-01" : parsed.IsValid ? null : parsed.Problem;
        return problem is null ? parsed!.Identity : null;
    }
}
