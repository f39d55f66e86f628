using System.ComponentModel.DataAnnotations;
using Cronos;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ReportEngine.Hosting;

/// <summary>The worker service's settings: section <c>ReportEngine</c> of appsettings.json, or <c>ReportEngine__*</c> environment variables.</summary>
public sealed class ServiceOptions
{
    public const string Section = "ReportEngine";

    /// <summary>Npgsql connection string shared by the evidence store and Hangfire: <c>ConnectionStrings:ReportEngine</c>.</summary>
    [Required(ErrorMessage = "ConnectionStrings:ReportEngine is required (ConnectionStrings__ReportEngine, --db or REPORTENGINE_DB)")]
    public string Database { get; set; } = "";

    /// <summary>Where rendered packs are written: one folder per authority, one per pack below it.</summary>
    [Required]
    public string OutputFolder { get; set; } = "packs";

    /// <summary>
    /// When each kind's latest ended period is issued (five-field cron, in <c>ReportEngine:TimeZone</c>), where it differs
    /// from the kind's default schedule (<c>ReportEngine__Schedules__monthly</c>); an empty value turns a schedule off.
    /// </summary>
    public Dictionary<string, string> Schedules { get; set; } = [];

    /// <summary>The cron of a kind's schedule; null when it is issued on demand only.</summary>
    public string? ScheduleOf(Kinds.ReportKind kind) =>
        Schedules.TryGetValue(kind.Name, out var cron) ? (string.IsNullOrWhiteSpace(cron) ? null : cron) : kind.DefaultSchedule;

    [Range(1, 32)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>How long a fetched job stays invisible to other workers without a heartbeat (sliding while it runs).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a stopping server waits for running packs before handing them back to the queue.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the recurring schedules are brought in line with the authorities in the database.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ScheduleSyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    [Required]
    public string ProtectiveMarking { get; set; } = "OFFICIAL-SENSITIVE";

    /// <summary>Where people reach the dashboard (<c>https://reports.council.gov.uk</c>); emails link to <c>/packs/ARCHIVE_ID</c> there.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Failed sign-ins (passwords and API tokens) one address may make in a minute before its sign-ins are refused (429)
    /// for the rest of the minute; counted by each <c>serve</c> process.
    /// </summary>
    [Range(1, 1_000_000)]
    public int FailedSignInsPerMinute { get; set; } = 20;

    /// <summary>
    /// The reverse proxies (TLS terminators) in front of <c>serve</c>, as addresses or networks separated by commas
    /// (<c>10.0.0.5, 172.16.0.0/12</c>). Only their <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed:
    /// the audit log then records the person's address, and cookies are <c>Secure</c> behind TLS. Empty: none believed.
    /// </summary>
    public string TrustedProxies { get; set; } = "";

    /// <summary>
    /// <see cref="TrustedProxies"/> as networks (a single address is a network of one); the entries that are neither
    /// in <paramref name="refused"/>.
    /// </summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxyNetworks(out IReadOnlyList<string> refused)
    {
        var networks = new List<System.Net.IPNetwork>();
        var bad = new List<string>();
        foreach (var entry in TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (System.Net.IPAddress.TryParse(entry, out var address))
                networks.Add(new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else bad.Add(entry);
        }
        refused = bad;
        return networks;
    }
}

/// <summary>Checks what data annotations cannot: the connection string parses, each schedule names a kind and is a valid cron.</summary>
public sealed class ServiceOptionsValidator(Kinds.ReportKinds kinds) : IValidateOptions<ServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceOptions options)
    {
        var failures = new List<string>();
        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.Database);
        }
        catch (ArgumentException ex)
        {
            failures.Add($"ConnectionStrings:ReportEngine is not a valid connection string: {ex.Message}");
        }
        foreach (var (kind, cron) in options.Schedules)
        {
            if (kinds.Find(kind) is null)
            {
                failures.Add($"ReportEngine:Schedules:{kind}: '{kind}' is not a report kind ({string.Join(", ", kinds.All.Select(k => k.Name))})");
                continue;
            }
            if (string.IsNullOrWhiteSpace(cron)) continue;
            try
            {
                CronExpression.Parse(cron);
            }
            catch (CronFormatException ex)
            {
                failures.Add($"ReportEngine:Schedules:{kind} '{cron}' is not a valid cron expression: {ex.Message}");
            }
        }
        options.TrustedProxyNetworks(out var refusedProxies);
        failures.AddRange(refusedProxies.Select(p => $"ReportEngine:TrustedProxies: '{p}' is not an IP address or network like 10.0.0.0/8"));
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            failures.Add($"ReportEngine:PublicBaseUrl '{options.PublicBaseUrl}' is not an http(s) address");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
