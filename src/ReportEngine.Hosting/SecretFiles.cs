using Microsoft.Extensions.Configuration;

namespace ReportEngine.Hosting;

/// <summary>
/// Secrets given as files, the container convention: any of ReportEngine's settings (<c>ConnectionStrings__…</c> or
/// <c>ReportEngine__…</c>; the machine's other variables are not ours) whose name ends in <c>_FILE</c> names a file whose
/// text is the setting without the suffix (<c>ConnectionStrings__ReportEngine_FILE=/run/secrets/database</c>,
/// <c>ReportEngine__Smtp__Password_FILE=/run/secrets/smtp-password</c>), so no password sits in an environment
/// variable. A setting given directly wins; a file that cannot be read is a setting refused.
/// </summary>
public static class SecretFiles
{
    private const string Suffix = "_FILE";

    /// <summary>Adds the files' texts to <paramref name="builder"/> as its last source; returns one line per file that cannot be read.</summary>
    public static IReadOnlyList<string> Read(IConfigurationBuilder builder)
    {
        var given = builder.Build();
        var read = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var failures = new List<string>();
        foreach (var (key, path) in given.AsEnumerable())
        {
            if (!key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(path)
                || !(key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ReportEngine:", StringComparison.OrdinalIgnoreCase)))
                continue;
            var setting = key[..^Suffix.Length];
            if (given[setting] is not null) continue;
            try
            {
                read[setting] = File.ReadAllText(path).TrimEnd('\r', '\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures.Add($"{SettingNames.AsVariable(key)}: {path} cannot be read: {ex.Message}");
            }
        }
        if (read.Count > 0) builder.AddInMemoryCollection(read);
        return failures;
    }
}
