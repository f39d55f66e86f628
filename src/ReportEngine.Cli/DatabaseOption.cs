using System.CommandLine;
using Npgsql;

namespace ReportEngine.Cli;

/// <summary><c>--db CONN</c>, falling back to REPORTENGINE_DB (cli.md), then to the service's ConnectionStrings__ReportEngine.</summary>
internal static class DatabaseOption
{
    public const string EnvironmentVariable = "REPORTENGINE_DB";
    private static readonly string ServiceVariable = Hosting.SettingNames.AsVariable(Hosting.SettingNames.ConnectionString);

    public static Option<string> Create() => new("--db") { Description = $"Npgsql connection string (default: ${EnvironmentVariable})", HelpName = "CONN" };

    /// <summary>The connection string, or a one-line reason it is unusable (the caller exits 2).</summary>
    public static (string? ConnectionString, string? Problem) Resolve(ParseResult parse, Option<string> option)
    {
        var value = parse.GetValue(option) ?? Environment.GetEnvironmentVariable(EnvironmentVariable) ?? Environment.GetEnvironmentVariable(ServiceVariable);
        if (string.IsNullOrWhiteSpace(value)) return (null, $"--db: no database given; pass --db or set {EnvironmentVariable} (or {ServiceVariable})");
        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
            return (value, null);
        }
        catch (ArgumentException ex)
        {
            return (null, $"--db: not a valid connection string: {ex.Message}");
        }
    }
}
