using System.IO.Compression;

namespace ReportEngine.Editions;

/// <summary>
/// An Open XML package made byte-for-byte reproducible: the zip the SDK writes stamps each part with the time it was
/// written, and names the package's own relationships and its core properties' part at random. Rewritten with the parts in the same order, each
/// stamped with the report's own time, and those relationships numbered (nothing refers to them by name).
/// </summary>
internal static partial class StablePackage
{
    private const string PackageRelationships = "_rels/.rels";

    /// <summary>Where System.IO.Packaging keeps the core properties, under a name it makes at random.</summary>
    private const string CoreProperties = "package/services/metadata/core-properties/";

    public static byte[] Stamp(byte[] package, DateTimeOffset madeAt)
    {
        // A zip's times run from 1980 and have two-second steps; the report's generated-at time, to the step.
        var stamp = new DateTimeOffset(madeAt.UtcDateTime.Year, madeAt.UtcDateTime.Month, madeAt.UtcDateTime.Day,
            madeAt.UtcDateTime.Hour, madeAt.UtcDateTime.Minute, madeAt.UtcDateTime.Second / 2 * 2, TimeSpan.Zero);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var core = source.Entries.FirstOrDefault(e => e.FullName.StartsWith(CoreProperties, StringComparison.Ordinal))?.FullName;
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName == core ? CoreProperties + "core.psmdcp" : entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                if (entry.FullName == PackageRelationships)
                {
                    using var reader = new StreamReader(from);
                    var number = 0;
                    var text = reader.ReadToEnd();
                    if (core is not null) text = text.Replace("/" + core, "/" + CoreProperties + "core.psmdcp", StringComparison.Ordinal);
                    var numbered = RelationshipId().Replace(text, _ => $"Id=\"rId{++number}\"");
                    to.Write(System.Text.Encoding.UTF8.GetBytes(numbered));
                }
                else from.CopyTo(to);
            }
        }
        return output.ToArray();
    }

    [System.Text.RegularExpressions.GeneratedRegex("Id=\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex RelationshipId();
}
