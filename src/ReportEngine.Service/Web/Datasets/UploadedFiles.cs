using System.IO.Compression;
using System.Text.RegularExpressions;

namespace ReportEngine.Service.Web.Datasets;

/// <summary>
/// An upload's CSV files written out into a folder of their own, within web.md's limits: at most
/// <see cref="UploadOptions.MostFiles"/> files, plain CSV file names (no folder, no <c>..</c>), and no more than the
/// limit in bytes — for a zip, checked from its directory before anything is expanded and again while expanding, since a
/// directory can lie. Anything refused throws <see cref="UploadRefusedException"/>; the caller removes the folder.
/// </summary>
public static partial class UploadedFiles
{
    /// <summary>Expands a zip of the dataset's CSV files (no folders) into <paramref name="folder"/>.</summary>
    public static async Task ExpandZipAsync(Stream zip, string folder, long maxBytes, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new UploadRefusedException(422, "zip: the file is not a zip archive");
        }
        using (archive)
        {
            var entries = archive.Entries.Where(e => !(e.FullName.EndsWith('/') && e.Length == 0)).ToList();
            CheckCount(entries.Count);
            foreach (var entry in entries) CheckName(entry.FullName);
            // The zip's own directory first: a zip bomb is refused here, before a byte of it is written out.
            if (entries.Sum(e => e.Length) is var declared && declared > maxBytes)
                throw TooLarge($"zip: its files would expand to {declared:N0} bytes", maxBytes);
            long written = 0;
            foreach (var entry in entries)
            {
                await using var source = entry.Open();
                written = await CopyAsync(source, Path.Combine(folder, entry.FullName), written, maxBytes, cancellationToken);
            }
        }
    }

    /// <summary>Writes each uploaded CSV file under its own name into <paramref name="folder"/>.</summary>
    public static async Task WriteAsync(IReadOnlyList<(string Name, Stream Content)> files, string folder, long maxBytes, CancellationToken cancellationToken)
    {
        CheckCount(files.Count);
        foreach (var (name, _) in files) CheckName(name);
        if (files.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new UploadRefusedException(422, $"{twice.Key}: the file was given twice");
        long written = 0;
        foreach (var (name, content) in files) written = await CopyAsync(content, Path.Combine(folder, name), written, maxBytes, cancellationToken);
    }

    private static void CheckCount(int count)
    {
        if (count == 0) throw new UploadRefusedException(422, "No files were uploaded: choose the dataset's CSV files, or one zip of them");
        if (count > UploadOptions.MostFiles) throw new UploadRefusedException(413, $"{count} files were uploaded; a dataset has at most {UploadOptions.MostFiles}");
    }

    /// <summary>A data contract file name: lower-case words and a .csv ending, nothing that names a folder.</summary>
    private static void CheckName(string name)
    {
        if (!ContractFileName().IsMatch(name))
            throw new UploadRefusedException(422, $"{Shown(name)}: not a file of the dataset (a CSV file named as the data contract names it, with no folder)");
    }

    private static async Task<long> CopyAsync(Stream source, string path, long written, long maxBytes, CancellationToken cancellationToken)
    {
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            written += read;
            if (written > maxBytes) throw TooLarge($"{Path.GetFileName(path)}: the upload's files come to more", maxBytes);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return written;
    }

    private static UploadRefusedException TooLarge(string what, long maxBytes) =>
        new(413, $"{what} than the {maxBytes:N0} bytes an upload may hold (ReportEngine__Uploads__MaxBytes)");

    /// <summary>A name as the message shows it: control characters and overlong names do not reach the page.</summary>
    private static string Shown(string name)
    {
        var printable = new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return printable.Length > 80 ? printable[..80] + "…" : printable;
    }

    [GeneratedRegex("^[a-z0-9_]{1,60}\\.csv$")]
    private static partial Regex ContractFileName();
}
