using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ReportEngine.Service.Web.Datasets;

/// <summary>An upload's multipart body, for the API and the page alike: read up to the upload limit, its files written out.</summary>
public static class UploadParts
{
    /// <summary>The body up to the upload limit (the dashboard lifts the server's own for the upload paths), its files buffered to disk as they arrive.</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpContext context, long maxBytes, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType) throw new UploadRefusedException(422, "Send the dataset as multipart/form-data");
        try
        {
            return await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes + 1024 * 1024, ValueCountLimit = 64 }, cancellationToken);
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: 413 } || (ex is InvalidDataException && ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)))
        {
            throw new UploadRefusedException(413, $"The upload is larger than the {maxBytes:N0} bytes it may be (ReportEngine__Uploads__MaxBytes)");
        }
        catch (InvalidDataException)
        {
            throw new UploadRefusedException(422, "The upload's multipart body could not be read");
        }
    }

    public static async Task WriteAsync(IFormFileCollection parts, string folder, long maxBytes, CancellationToken cancellationToken)
    {
        // A part named zip (the API), or the one file chosen on the page when it is a zip.
        var zips = parts.Where(p => p.Name == "zip" || (parts.Count == 1 && p.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))).ToList();
        var files = parts.Except(zips).ToList();
        if (zips.Count > 1 || (zips.Count == 1 && files.Count > 0))
            throw new UploadRefusedException(422, "Send one zip, or the CSV files themselves, not both");
        if (zips.Count == 1)
        {
            await using var zip = zips[0].OpenReadStream();
            await UploadedFiles.ExpandZipAsync(zip, folder, maxBytes, cancellationToken);
            return;
        }
        var opened = files.Select(f => (f.FileName, f.OpenReadStream())).ToList();
        try
        {
            await UploadedFiles.WriteAsync(opened.Select(f => (f.FileName, (Stream)f.Item2)).ToList(), folder, maxBytes, cancellationToken);
        }
        finally
        {
            foreach (var (_, stream) in opened) await stream.DisposeAsync();
        }
    }
}
