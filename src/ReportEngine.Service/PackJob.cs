using System.Security.Cryptography;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Archive;
using ReportEngine.Gathering;
using ReportEngine.Layout;
using ReportEngine.Metrics;
using ReportEngine.Packs;
using ReportEngine.PostgreSql;
using ReportEngine.Templating;
using UglyToad.PdfPig;

namespace ReportEngine.Service;

/// <summary>
/// The Hangfire job that renders one pack. Each (authority, kind, period) renders once: the pack run's row lock makes
/// retried, duplicated and concurrent jobs wait and then find the pack made. Bad data and template errors fail at once;
/// database and browser faults retry with growing delays.
/// </summary>
[AutomaticRetry(Attempts = 6, DelaysInSeconds = [5, 15, 30, 60, 120, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail,
    ExceptOn = [typeof(DatasetRejectedException), typeof(TemplateException), typeof(AuthorityNotFoundException), typeof(ArchiveToolException)])]
public sealed class PackJob(
    PostgresEvidenceStore evidence,
    PackRunStore runs,
    PackRendererFactory renderers,
    PackArchive archive,
    IOptions<ServiceOptions> options,
    ILogger<PackJob> logger)
{
    /// <summary>The recurring job: renders the month before the one the schedule fired in (Europe/London by default).</summary>
    [JobDisplayName("Monthly pack for {0}, previous month")]
    public Task RenderScheduledAsync(string authority, PerformContext? context, CancellationToken cancellationToken)
    {
        // Hangfire records when the occurrence was due, so a misfired run still renders its own month.
        var due = context?.GetJobParameter<long?>("Time") is { } unix ? DateTimeOffset.FromUnixTimeSeconds(unix) : DateTimeOffset.UtcNow;
        var period = PeriodBefore(due, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone));
        return RenderAsync(authority, PackKind.Monthly.Name, period.ToString(), context, cancellationToken);
    }

    /// <summary>The month before the one <paramref name="due"/> falls in, in the schedule's time zone.</summary>
    public static ReportingPeriod PeriodBefore(DateTimeOffset due, TimeZoneInfo timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(due, timeZone);
        return new ReportingPeriod(local.Year, local.Month).Shift(-1);
    }

    [JobDisplayName("{1} pack for {0}, {2}")]
    public async Task RenderAsync(string authority, string kind, string period, PerformContext? context, CancellationToken cancellationToken)
    {
        if (!ReportingPeriod.TryParse(period, out var month)) throw new ArgumentException($"'{period}' is not a month like 2024-01", nameof(period));
        var key = new PackKey(authority, kind, period);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["JobId"] = context?.BackgroundJob.Id, ["Pack"] = key.ToString() });

        // On shutdown Hangfire cancels at once; a pack under way gets most of the shutdown timeout to finish instead,
        // and is handed back to the queue only if it cannot.
        using var grace = new CancellationTokenSource();
        await using var onShutdown = cancellationToken.Register(() => grace.CancelAfter(options.Value.ShutdownTimeout * 0.8));
        cancellationToken = grace.Token;

        await using var claim = await runs.ClaimAsync(key, context?.BackgroundJob.Id, $"{Environment.MachineName}:{Environment.ProcessId}", cancellationToken);
        if (claim is null)
        {
            logger.LogInformation("Pack {Pack} was rendered already; nothing to do", key);
            return;
        }
        using var runScope = logger.BeginScope(new Dictionary<string, object?> { ["RunId"] = claim.RunId });
        logger.LogInformation("Rendering pack {Pack}", key);
        try
        {
            var progress = new JobProgress(context);
            var folder = Path.Combine(options.Value.OutputFolder, authority, $"{period}-{kind}");
            // Every pack the service renders is archived. A run interrupted after its entry was committed reuses that entry.
            var entry = await archive.FindByRunAsync(claim.RunId.ToString(), cancellationToken);
            if (entry is null)
            {
                var gathered = await evidence.GatherAsync(authority, cancellationToken);
                entry = (await archive.ArchiveAsync(gathered, month, renderers.For(kind), $"serve job {context?.BackgroundJob.Id}",
                    claim.RunId.ToString(), progress, cancellationToken)).Entry;
            }
            var pdfBytes = await archive.Store.GetAsync(entry.Files[ArchiveFile.Pdf], cancellationToken);
            var metricsJson = await archive.Store.GetAsync(entry.Files[ArchiveFile.Metrics], cancellationToken);
            var pdfPath = await PackOutput.WriteAsync(renderers.For(kind).Kind.FileName(authority, month), pdfBytes, metricsJson, folder, cancellationToken);
            int pages;
            using (var pdf = PdfDocument.Open(pdfBytes)) pages = pdf.NumberOfPages;
            await claim.CompleteAsync(pdfPath, Convert.ToHexStringLower(SHA256.HashData(pdfBytes)), pages, cancellationToken);
            progress.Report(new PackProgress(PackStage.Done, 100, $"Rendered {pages} pages"));
            logger.LogInformation("Rendered pack {Pack}: {Pages} pages to {Path}, archive entry {ArchiveId}", key, pages, pdfPath, entry.Id);
        }
        catch (Exception ex) when (ex is DatasetRejectedException or TemplateException or AuthorityNotFoundException or ArchiveToolException)
        {
            logger.LogError(ex, "Pack {Pack} cannot be rendered: {Reason}", key, ex.Message);
            await claim.FailAsync(ex.Message, CancellationToken.None);
            throw;
        }
    }
}

/// <summary>Shows a pack's progress in the Hangfire dashboard's job details (a job parameter, see <see cref="ServiceHost"/>).</summary>
internal sealed class JobProgress(PerformContext? context) : IProgress<PackProgress>
{
    public const string Parameter = "Progress";

    public void Report(PackProgress value) => context?.SetJobParameter(Parameter, $"{value.Percent}% — {value.Description}");
}
