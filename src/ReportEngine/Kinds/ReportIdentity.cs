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
    public override string ToString() => Statement is null ? $"{Authority}/{Kind.Name}/{Period}" : $"{Authority}/{Kind.Name}/{Period}/{Parameter}";

    /// <summary>Reads the form <see cref="ToString"/> writes, or from its stored parts; null with a reason when it does not name a report.</summary>
    public static ReportIdentity? TryParse(string text, ReportKinds kinds, out string? problem)
    {
        var parts = text.Split('/');
        if (parts.Length is < 3 or > 4)
        {
            problem = $"'{text}' is not a report like NDC/monthly/2024-01";
            return null;
        }
        return TryFrom(parts[0], parts[1], parts[2], parts.Length == 4 ? parts[3] : null, kinds, out problem);
    }

    /// <summary>Builds an identity from its parts as a person or a database row gives them; null with a one-line reason.</summary>
    public static ReportIdentity? TryFrom(string authority, string kindName, string period, string? statement, ReportKinds kinds, out string? problem)
    {
        problem = null;
        if (!Foundation.SafePath.IsAuthorityCode(authority))
        {
            problem = Foundation.SafePath.AuthorityCodeRefusal(authority);
            return null;
        }
        if (kinds.Find(kindName) is not { } kind)
        {
            problem = $"'{kindName}' is not a report kind; the kinds are {string.Join(", ", kinds.All.Select(k => k.Name))}";
            return null;
        }
        if (!kind.PeriodType.TryParse(period, out var parsed))
        {
            problem = $"{kind.PeriodType.Refusal(period)}, as a {kind.Name} report needs";
            return null;
        }
        QualityStatement? qs = null;
        if (kind.TakesStatement)
        {
            if (string.IsNullOrEmpty(statement) || !CodeNames<QualityStatement>.TryParse(statement, out var code))
            {
                problem = string.IsNullOrEmpty(statement)
                    ? $"a {kind.Name} report needs a quality statement: one of {string.Join(", ", CodeNames<QualityStatement>.Codes)}"
                    : $"'{statement}' is not a quality statement: one of {string.Join(", ", CodeNames<QualityStatement>.Codes)}";
                return null;
            }
            qs = code;
        }
        else if (!string.IsNullOrEmpty(statement))
        {
            problem = $"a {kind.Name} report takes no quality statement";
            return null;
        }
        return new ReportIdentity(authority, kind, parsed, qs);
    }
}
