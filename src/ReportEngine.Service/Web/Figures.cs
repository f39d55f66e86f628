using System.Globalization;
using System.Text.Json;

namespace ReportEngine.Service.Web;

/// <summary>How the dashboard writes figures and statuses: as the pack does (one decimal place for a percentage); times are <see cref="LocalTimes"/>.</summary>
public static class Figures
{
    /// <summary>A value of metrics.json (<c>{"value": …}</c>) as people read it; "not available" for a null.</summary>
    public static string Format(string key, JsonElement metric)
    {
        var value = metric.ValueKind == JsonValueKind.Object && metric.TryGetProperty("value", out var v) ? v : metric;
        return value.ValueKind switch
        {
            JsonValueKind.Number when key.EndsWith("_pct", StringComparison.Ordinal) => value.GetDouble().ToString("0.0", CultureInfo.InvariantCulture) + "%",
            JsonValueKind.Number => value.GetDouble().ToString("#,0.##", CultureInfo.InvariantCulture),
            JsonValueKind.String => value.GetString() ?? "",
            _ => "not available",
        };
    }

    /// <summary>A status as a coloured tag; the word is always shown too, so colour is never the only sign.</summary>
    public static string TagClass(string status) => status switch
    {
        "done" or "intact" => "app-tag--green",
        "failed" or "broken" => "app-tag--red",
        "queued" => "app-tag--grey",
        _ => "app-tag--blue",
    };
}
