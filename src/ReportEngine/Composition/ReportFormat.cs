using System.Globalization;
using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition;

/// <summary>
/// How figures are written in a pack (pack-style.md): one decimal place rounded half away from zero, thousands
/// separators, "n/a" for undefined values, British dates. Templates call these as <c>fmt.*</c>.
/// </summary>
public static class ReportFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    public const string NotAvailable = "n/a";

    /// <summary>A percentage (a <see cref="Ratio"/> or a number) as <c>87.5%</c>, or n/a.</summary>
    public static string Pct(object? value) => Decimal(value) is { } d ? $"{Round1(d).ToString("0.0", Culture)}%" : NotAvailable;

    /// <summary>
    /// A value of metrics.json (<c>{"value": …}</c>) by the same rules, where no template says how (the dashboard, the
    /// delivery email): a percentage (a key ending <c>_pct</c>) as <see cref="Pct"/>, a whole number as <see cref="Count"/>,
    /// any other to one decimal place; text as it is; n/a for null.
    /// </summary>
    public static string Metric(string key, System.Text.Json.JsonElement metric)
    {
        var value = metric.ValueKind == System.Text.Json.JsonValueKind.Object && metric.TryGetProperty("value", out var v) ? v : metric;
        return value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Number when key.EndsWith("_pct", StringComparison.Ordinal) => Pct(value.GetDecimal()),
            System.Text.Json.JsonValueKind.Number when value.GetDecimal() is var d && d == decimal.Truncate(d) => Count(d),
            System.Text.Json.JsonValueKind.Number => Number(value.GetDecimal()),
            System.Text.Json.JsonValueKind.String => value.GetString() ?? "",
            _ => NotAvailable,
        };
    }

    /// <summary>A number to a fixed number of decimal places, or n/a.</summary>
    public static string Number(object? value, int decimals = 1) =>
        Decimal(value) is { } d ? Math.Round(d, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals, Culture) : NotAvailable;

    /// <summary>A count with thousands separators (<c>1,234</c>).</summary>
    public static string Count(object? value) => Decimal(value) is { } d ? d.ToString("N0", Culture) : NotAvailable;

    /// <summary><c>31 January 2024</c>.</summary>
    public static string Date(object? value) => value switch
    {
        DateOnly d => d.ToString("d MMMM yyyy", Culture),
        DateTimeOffset t => t.ToString("d MMMM yyyy", Culture),
        DateTime t => t.ToString("d MMMM yyyy", Culture),
        _ => NotAvailable,
    };

    /// <summary>The days a file covers (coverage.md): <c>1 April 2021 to 29 February 2024</c>, <c>the days up to 29 February 2024</c>.</summary>
    public static string Covers(FileSpan span) => (span.From, span.To) switch
    {
        ({ } from, { } to) => $"{Date(from)} to {Date(to)}",
        ({ } from, null) => $"the days from {Date(from)}",
        (null, { } to) => $"the days up to {Date(to)}",
        _ => "every day",
    };

    /// <summary><c>31 January 2024, 06:00 UTC</c>.</summary>
    public static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", Culture);

    /// <summary><c>January 2024</c>.</summary>
    public static string Month(object? value) => value switch
    {
        ReportingPeriod p => p.Start.ToString("MMMM yyyy", Culture),
        DateOnly d => d.ToString("MMMM yyyy", Culture),
        _ => NotAvailable,
    };

    /// <summary>Short month for chart axes: <c>Feb 23</c>.</summary>
    public static string ShortMonth(ReportingPeriod p) => p.Start.ToString("MMM yy", Culture);

    /// <summary>The twelve months ending with the period: <c>February 2023 to January 2024</c>.</summary>
    public static string R12(ReportingPeriod p) => $"{Month(p.Shift(-11))} to {Month(p)}";

    /// <summary>The first month of R12: <c>February 2023</c>.</summary>
    public static string R12Start(ReportingPeriod p) => Month(p.Shift(-11));

    /// <summary>The twelve months before those: <c>February 2022 to January 2023</c>.</summary>
    public static string P12(ReportingPeriod p) => R12(p.Shift(-12));

    /// <summary>Change of a percentage in points: <c>up 3.2 points</c>, <c>down 1.0 point</c>, <c>no change</c>; null when either is undefined.</summary>
    /// <param name="better"><c>HIGHER</c> or <c>LOWER</c> when the figure has a direction: the change then also says better or worse.</param>
    public static string? PointsChange(object? current, object? previous, string? better = null)
    {
        if (Decimal(current) is not { } c || Decimal(previous) is not { } p) return null;
        var diff = Round1(c) - Round1(p);
        if (diff == 0) return "no change";
        var size = Math.Abs(diff).ToString("0.0", Culture);
        return $"{(diff > 0 ? "up" : "down")} {size} {(Math.Abs(diff) == 1 ? "point" : "points")}{Judged(diff, better)}";
    }

    /// <summary>", better" or ", worse" for a figure with a direction; nothing for one without (the uphold rate is only up or down).</summary>
    private static string Judged(decimal diff, string? better) => better switch
    {
        "HIGHER" => diff > 0 ? ", better" : ", worse",
        "LOWER" => diff < 0 ? ", better" : ", worse",
        _ => "",
    };

    /// <summary>Change of a count: <c>up 14</c>, <c>down 3</c>, <c>no change</c>; null when either is undefined.</summary>
    public static string? CountChange(object? current, object? previous, string? better = null)
    {
        if (Decimal(current) is not { } c || Decimal(previous) is not { } p) return null;
        var diff = c - p;
        return diff == 0 ? "no change" : $"{(diff > 0 ? "up" : "down")} {Math.Abs(diff).ToString("N0", Culture)}{Judged(diff, better)}";
    }

    /// <summary>A business year (<c>2023-24</c>) as a heading, marked "(to date)" while it is still running at <paramref name="asAt"/>.</summary>
    public static string BusinessYear(string businessYear, object? asAt)
    {
        var end = asAt switch { DateOnly d => d, DateTime t => DateOnly.FromDateTime(t), _ => DateOnly.MaxValue };
        return int.TryParse(businessYear.AsSpan(0, 4), System.Globalization.NumberStyles.None, Culture, out var start) && end < new DateOnly(start + 1, 3, 31)
            ? $"{businessYear} (to date)"
            : businessYear;
    }

    /// <summary>Chooses the singular or plural word for a count.</summary>
    public static string Plural(object? count, string one, string many) => Decimal(count) == 1 ? one : many;

    /// <summary>A dataset code as the data writes it (<c>MCA_DOLS</c>), for lookups in templates.</summary>
    public static string Code(object value) => value is Enum e ? CodeNames.ToCode(e) : value.ToString() ?? "";

    /// <summary>A free code in sentence case: <c>HOSPITAL_DISCHARGE</c> → <c>Hospital discharge</c>.</summary>
    public static string Words(string code)
    {
        var lower = code.Replace('_', ' ').ToLowerInvariant();
        return lower.Length == 0 ? lower : char.ToUpperInvariant(lower[0]) + lower[1..];
    }

    /// <summary>CQC's wording for a score: <c>Evidence shows a good standard</c>.</summary>
    public static string ScoreWording(int score) => QualityStatements.ScoreWording(score);

    /// <summary>Who gave a score: <c>CQC</c>, <c>Self-assessment</c>, <c>Mock inspection</c>, <c>Peer review</c>.</summary>
    public static string AssessedBy(AssessmentKind kind) => kind switch
    {
        AssessmentKind.Cqc => "CQC",
        AssessmentKind.Self => "Self-assessment",
        AssessmentKind.Mock => "Mock inspection",
        _ => "Peer review",
    };

    /// <summary>CQC's name for an evidence category: <c>People's experience</c>.</summary>
    public static string Category(FindingCategory category) => category switch
    {
        FindingCategory.PeopleExperience => "People's experience",
        FindingCategory.StaffLeaders => "Feedback from staff and leaders",
        FindingCategory.Partners => "Feedback from partners",
        FindingCategory.Processes => "Processes",
        FindingCategory.Outcomes => "Outcomes",
        _ => "Observation",
    };

    /// <summary>The quality statement's name.</summary>
    public static string Statement(QualityStatement qs) => qs.Name();

    private static decimal Round1(decimal d) => Math.Round(d, 1, MidpointRounding.AwayFromZero);

    private static decimal? Decimal(object? value) => value switch
    {
        null => null,
        Ratio r => r.Value is { } v ? (decimal)v : null,
        double d => double.IsFinite(d) ? (decimal)d : null,
        float f => float.IsFinite(f) ? (decimal)f : null,
        decimal m => m,
        int i => i,
        long l => l,
        _ => null,
    };
}
