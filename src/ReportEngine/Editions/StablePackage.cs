using System.IO.Compression;

namespace ReportEngine.Editions;

/// <summary>
/// An Open XML package made byte-for-byte reproducible: the zip the SDK writes stamps each part with the time it was
/// written. Rewritten with the parts in the same order, each stamped with the report's own time.
/// </summary>
internal static class StablePackage
{
    public static byte[] Stamp(byte[] package, DateTimeOffset madeAt)
    {
        // A zip's times run from 1980 and have two-second steps; the report's generated-at time, to the step.
        var stamp = new DateTimeOffset(madeAt.UtcDateTime.Year, madeAt.UtcDateTime.Month, madeAt.UtcDateTime.Day,
            madeAt.UtcDateTime.Hour, madeAt.UtcDateTime.Minute, madeAt.UtcDateTime.Second / 2 * 2, TimeSpan.Zero);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
