using System.IO.Compression;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportEngine.Gathering;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using ReportEngine.Service.Web.Accounts;
using ReportEngine.Service.Web.Audit;

namespace ReportEngine.Service.Web.Datasets;

/// <summary>
/// web.md version 2's uploads, for the page and the API alike: an upload is written out into a folder of its own,
/// validated exactly as <c>validate</c> does, previewed and kept (nothing imported); "Import" then replaces the
/// authority's evidence as <c>import</c> does, once. Every step audited; a refused upload leaves nothing behind.
/// </summary>
public sealed class DatasetDesk(StagedDatasets staged, PostgresEvidenceStore evidence, ReportKinds kinds, AuditLog audit, IOptions<UploadOptions> options,
    TimeProvider clock, ILogger<DatasetDesk> logger)
{
    /// <summary>The most errors an answer lists (web.md): enough to mend a file by, not a page without end.</summary>
    public const int MostErrors = 100;

    public long MaxBytes => options.Value.MaxBytes;

    /// <param name="writeFiles">Writes the upload's files into the folder it is given, within <see cref="MaxBytes"/> (<see cref="UploadedFiles"/>).</param>
    public async Task<DatasetOutcome> UploadAsync(string? authority, Account account, Func<string, Task> writeFiles, string? address, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authority) || !account.MaySee(authority)) return new DatasetOutcome.NotFound();
        DatasetOutcome outcome;
        if (!account.MayUpload(authority)) outcome = new DatasetOutcome.Refused(403, $"You may not upload {authority}'s dataset: an Admin gives that right");
        else
        {
            try
            {
                outcome = await InFolderOfItsOwnAsync<DatasetOutcome>("reportengine-upload-", writeFiles, async (folder, gathered) =>
                    gathered.Evidence.Authority.Code != authority
                        ? new DatasetOutcome.Invalid([new DatasetError("authority.csv", 2, "code", $"the dataset is {gathered.Evidence.Authority.Code}'s, not {authority}'s")])
                        : new DatasetOutcome.Staged(await KeepAsync(folder, gathered, account, cancellationToken)), cancellationToken);
            }
            catch (DatasetRejectedException ex)
            {
                outcome = new DatasetOutcome.Invalid(ex.Errors.Take(MostErrors).ToList());
            }
            catch (UploadRefusedException ex)
            {
                outcome = new DatasetOutcome.Refused(ex.Status, ex.Message);
            }
        }
        await audit.WriteAsync(new AuditEvent(account.Actor, "dataset.upload", outcome is DatasetOutcome.Staged ? "succeeded" : "refused", authority, null, address,
            outcome switch
            {
                DatasetOutcome.Staged s => $"dataset {s.Dataset.Id}: {s.Dataset.Preview.Rows} rows in {s.Dataset.Preview.Files.Count} files",
                DatasetOutcome.Invalid i => $"{i.Errors.Count} error(s), the first {i.Errors[0]}",
                DatasetOutcome.Refused r => r.Reason,
                _ => outcome.ToString(),
            }), cancellationToken);
        return outcome;
    }

    /// <summary>Replaces the authority's evidence with the staged dataset, as <c>import</c> does; once.</summary>
    public async Task<DatasetOutcome> ImportAsync(Guid id, Account account, string? address, CancellationToken cancellationToken)
    {
        var found = await staged.FindAsync(id, cancellationToken);
        if (found is null || !account.MaySee(found.Authority)) return new DatasetOutcome.NotFound();
        if (!account.MayUpload(found.Authority)) return await AuditedAsync(new DatasetOutcome.Refused(403, $"You may not import {found.Authority}'s dataset: an Admin gives that right"));
        var now = clock.GetUtcNow();
        var rows = 0;
        var outcome = await staged.ImportOnceAsync(id, s => WhyNotImported(s, now) is null, files => InFolderOfItsOwnAsync("reportengine-import-",
            folder =>
            {
                using var zip = new ZipArchive(new MemoryStream(files), ZipArchiveMode.Read);
                zip.ExtractToDirectory(folder);
                return Task.CompletedTask;
            },
            async (_, gathered) =>
            {
                await evidence.ImportAsync(gathered, clock, cancellationToken);
                return rows = gathered.Provenance.RowsPerFile.Sum(r => r.Value);
            }, cancellationToken), now, cancellationToken);
        if (outcome is null) return new DatasetOutcome.NotFound();
        var (dataset, imported) = outcome.Value;
        if (!imported) return await AuditedAsync(new DatasetOutcome.Gone(WhyNotImported(dataset, now)!));
        logger.LogInformation("Imported dataset {DatasetId} of {Authority}: {Rows} rows, uploaded by {UploadedBy}", id, dataset.Authority, rows, dataset.UploadedBy);
        return await AuditedAsync(new DatasetOutcome.Imported(dataset.Authority, rows));

        async Task<DatasetOutcome> AuditedAsync(DatasetOutcome outcome)
        {
            await audit.WriteAsync(new AuditEvent(account.Actor, "dataset.import", outcome is DatasetOutcome.Imported ? "succeeded" : "refused", found.Authority, null, address,
                outcome switch
                {
                    DatasetOutcome.Imported i => $"dataset {id}: {i.Rows} rows replace {i.Authority}'s evidence",
                    DatasetOutcome.Refused r => $"dataset {id}: {r.Reason}",
                    DatasetOutcome.Gone g => $"dataset {id}: {g.Reason}",
                    _ => $"dataset {id}",
                }), cancellationToken);
            return outcome;
        }
    }

    /// <summary>Why a staged dataset can no longer be imported; null while it can.</summary>
    private string? WhyNotImported(StagedDataset dataset, DateTimeOffset now) =>
        dataset.ImportedAt is { } at ? $"It was imported already, at {at:yyyy-MM-dd HH:mm} UTC"
        : now - dataset.UploadedAt > TimeSpan.FromHours(options.Value.KeepHours)
            ? $"It was uploaded more than {options.Value.KeepHours} hours ago (ReportEngine__Uploads__KeepHours): upload it again"
            : null;

    /// <summary>
    /// The dataset's files written into a temporary folder of their own (<paramref name="write"/>), read and validated
    /// as <c>validate</c> does, and given to <paramref name="use"/>; the folder goes afterwards, whatever happened.
    /// </summary>
    private static async Task<T> InFolderOfItsOwnAsync<T>(string prefix, Func<string, Task> write, Func<string, GatheredEvidence, Task<T>> use,
        CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        try
        {
            await write(folder);
            return await use(folder, await new DatasetFolderSource(folder).GatherAsync(cancellationToken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<StagedDataset> KeepAsync(string folder, GatheredEvidence gathered, Account account, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var kept = new StagedDataset(Guid.CreateVersion7(), gathered.Evidence.Authority.Code, account.Email, now, null, DatasetPreview.Of(gathered, kinds));
        using var files = new MemoryStream();
        using (var zip = new ZipArchive(files, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
                await zip.CreateEntryFromFileAsync(path, Path.GetFileName(path), CompressionLevel.Fastest, cancellationToken);
        await staged.KeepAsync(kept, files.ToArray(), cancellationToken);
        await staged.ForgetFilesAsync(now - TimeSpan.FromHours(options.Value.KeepHours), cancellationToken);
        return kept;
    }
}
