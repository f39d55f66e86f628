using Microsoft.Extensions.Configuration;

namespace ReportEngine.Hosting;

/// <summary>
/// One convention for every setting: the database as <c>ConnectionStrings__ReportEngine</c>, everything else in a
/// section under <c>ReportEngine__…</c> (<c>ReportEngine__Archive__Folder</c>, <c>ReportEngine__Auth__Oidc__ClientId</c>).
/// The names read before it (<c>Archive__…</c>, <c>Chromium__…</c>, <c>Auth__…</c>, <c>Review__…</c>, <c>Uploads__…</c>,
/// <c>ReportEngine__Database</c>, <c>REPORTENGINE_ARCHIVE_KEY</c>) are still read for this release, each with one warning
/// naming its new name; a new name given as well wins. cli.md's own variables (<c>REPORTENGINE_DB</c>,
/// <c>REPORTENGINE_ARCHIVE</c>) are the command line's contract and stay.
/// </summary>
public static class SettingNames
{
    public const string ConnectionString = "ConnectionStrings:ReportEngine";
    public const string Archive = "ReportEngine:Archive";
    public const string Chromium = "ReportEngine:Chromium";
    public const string Auth = "ReportEngine:Auth";
    public const string Review = "ReportEngine:Review";
    public const string Uploads = "ReportEngine:Uploads";

    private static readonly (string Old, string New)[] Renamed =
    [
        ("ReportEngine:Database", ConnectionString),
        ("REPORTENGINE_ARCHIVE_KEY", $"{Archive}:SigningKeyFile"),
        ("Archive", Archive),
        ("Chromium", Chromium),
        ("Auth", Auth),
        ("Review", Review),
        ("Uploads", Uploads),
    ];

    /// <summary>How a setting is written as an environment variable.</summary>
    public static string AsVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>
    /// Adds to <paramref name="builder"/>, as its last source, each old name's value under its new name where the new
    /// name is not given; returns one warning per old name in use.
    /// </summary>
    public static IReadOnlyList<string> ReadOldNames(IConfigurationBuilder builder)
    {
        var given = builder.Build();
        var moved = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var warnings = new List<string>();
        foreach (var (old, renamed) in Renamed)
        {
            var used = false;
            foreach (var (key, value) in given.AsEnumerable())
            {
                if (value is null) continue;
                string rest;
                if (key.Equals(old, StringComparison.OrdinalIgnoreCase)) rest = "";
                else if (key.StartsWith(old + ":", StringComparison.OrdinalIgnoreCase)) rest = key[old.Length..];
                else continue;
                used = true;
                if (given[renamed + rest] is null) moved[renamed + rest] = value;
            }
            if (used)
                warnings.Add(old.Contains(':', StringComparison.Ordinal) || old.Contains('_', StringComparison.Ordinal)
                    ? $"{AsVariable(old)} is an old name, read for this release only: rename it {AsVariable(renamed)}"
                    : $"{old}__* settings are old names, read for this release only: rename them {AsVariable(renamed)}__*");
        }
        if (moved.Count > 0) builder.AddInMemoryCollection(moved);
        return warnings;
    }
}
