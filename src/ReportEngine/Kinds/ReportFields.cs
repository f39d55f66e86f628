using ReportEngine.Metrics;

namespace ReportEngine.Kinds;

/// <summary>
/// The parts of a report as they arrive: from the command line's options, the dashboard's form, the API's JSON, a job's
/// arguments or a stored row. <see cref="Parse"/> is the one place they are checked; each problem is keyed by its field.
/// </summary>
public sealed record ReportFields(string? Authority, string? Kind, string? Period, string? Statement = null)
{
    public const string AuthorityField = "authority";
    public const string KindField = "kind";
    public const string PeriodField = "period";
    public const string StatementField = "statement";

    public static ReportFields Of(ReportIdentity report) =>
        new(report.Authority, report.Kind.Name, report.Period.ToString(), report.Statement is null ? null : report.Parameter);

    /// <summary>Reads the form <see cref="ReportIdentity.ToString"/> writes (<c>NDC/monthly/2024-01</c>); null when it has not 3 or 4 parts.</summary>
    public static ReportFields? FromText(string text) =>
        text.Split('/') is { Length: 3 or 4 } parts ? new(parts[0], parts[1], parts[2], parts.Length == 4 ? parts[3] : null) : null;

    /// <summary>As <see cref="ReportIdentity.ToString"/> writes a report (a job's name in the Hangfire dashboard).</summary>
    public override string ToString() => string.Join('/', new[] { Authority, Kind, Period, Statement }.Where(p => p is not null));

    /// <summary>
    /// Checks every field and says what is wrong with each. Without an authority (a dataset folder names its own) the
    /// rest is still checked, and <see cref="ParsedReport.For"/> completes the identity once the authority is known.
    /// </summary>
    /// <param name="authorityNamedInside">The evidence names the authority (a dataset folder), so none need be given.</param>
    public ParsedReport Parse(ReportKinds kinds, bool authorityNamedInside = false)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var authority = Authority?.Trim();
        if (string.IsNullOrEmpty(authority))
        {
            if (!authorityNamedInside) errors[AuthorityField] = "choose an authority";
        }
        else if (!Foundation.SafePath.IsAuthorityCode(authority)) errors[AuthorityField] = Foundation.SafePath.AuthorityCodeRefusal(authority);

        var kind = kinds.Find(Kind?.Trim());
        if (kind is null)
            errors[KindField] = string.IsNullOrWhiteSpace(Kind)
                ? "choose a kind of report"
                : $"'{Kind}' is not a report kind; the kinds are {string.Join(", ", kinds.All.Select(k => k.Name))}";

        var period = default(ReportPeriod);
        if (kind is not null && !kind.PeriodType.TryParse(Period?.Trim(), out period))
            errors[PeriodField] = string.IsNullOrWhiteSpace(Period)
                ? $"enter the {kind.PeriodType.Name}, like {kind.PeriodType.Example}"
                : kind.PeriodType.Refusal(Period, $"a {kind.Name} report");

        Evidence.QualityStatement? statement = null;
        var codes = string.Join(", ", Evidence.CodeNames<Evidence.QualityStatement>.Codes);
        if (kind is { TakesStatement: true })
        {
            if (Evidence.CodeNames<Evidence.QualityStatement>.TryParse(Statement?.Trim() ?? "", out var parsed)) statement = parsed;
            else errors[StatementField] = string.IsNullOrWhiteSpace(Statement)
                ? $"a {kind.Name} report needs a quality statement: one of {codes}"
                : $"'{Statement}' is not a quality statement: one of {codes}";
        }
        else if (kind is not null && !string.IsNullOrWhiteSpace(Statement)) errors[StatementField] = $"a {kind.Name} report takes no quality statement";

        return new ParsedReport(errors.Count == 0 && authority is { Length: > 0 } ? authority : null, errors.Count == 0 ? kind : null, period, statement, errors);
    }
}

/// <summary>What <see cref="ReportFields.Parse"/> found: the report, or every field's problem.</summary>
public sealed class ParsedReport
{
    private readonly string? _authority;
    private readonly ReportKind? _kind;
    private readonly ReportPeriod _period;
    private readonly Evidence.QualityStatement? _statement;

    internal ParsedReport(string? authority, ReportKind? kind, ReportPeriod period, Evidence.QualityStatement? statement, IReadOnlyDictionary<string, string> errors)
    {
        (_authority, _kind, _period, _statement, Errors) = (authority, kind, period, statement, errors);
    }

    /// <summary>Each problem by its field (<see cref="ReportFields.KindField"/> and the others); empty when the fields name a report.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>The problems on one line, for a log or a job's failure.</summary>
    public string Problem => string.Join("; ", Errors.Values);

    public ReportKind Kind => _kind ?? throw Invalid();

    public ReportPeriod Period => _kind is null ? throw Invalid() : _period;

    /// <summary>The report, when the fields gave an authority.</summary>
    public ReportIdentity Identity => _authority is { Length: > 0 } a ? For(a) : throw Invalid();

    /// <summary>The report, or null when the fields do not name one (an archive entry read back, say).</summary>
    public ReportIdentity? IdentityOrNull => IsValid ? Identity : null;

    /// <summary>The report of <paramref name="authority"/>: the one a dataset folder names for itself.</summary>
    public ReportIdentity For(string authority) =>
        _kind is null ? throw Invalid() : ReportIdentity.Of(authority, _kind, _period, _statement);

    /// <summary>The report, or a refusal naming every problem (a job's argument or a stored row that no longer names one).</summary>
    public ReportIdentity IdentityOrRefuse() => IsValid ? Identity : throw new Foundation.ReportRequestRefusedException(Problem);

    private InvalidOperationException Invalid() => new($"the fields do not name a report: {(IsValid ? "no authority" : Problem)}");
}
