using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ReportEngine.Archive;

/// <summary>
/// An entry is an issued report; an addition joins a file made later to an entry (its PDF/A copy); a tombstone records
/// that an entry was pruned; a hold and a release place and lift a legal hold on an entry.
/// </summary>
public enum ArchiveRecordType { Entry, Tombstone, Addition, Hold, Release }

/// <summary>
/// One link of the archive's hash chain: an archived report (an entry), a file joined to one later (an addition) or the
/// record that one was pruned (a tombstone).
/// Its hash covers every field here — the index row, the hashes of its files — and the previous link's hash.
/// </summary>
public sealed record ArchiveRecord
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public required long Seq { get; init; }
    public required string Id { get; init; }
    public required ArchiveRecordType Type { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? Authority { get; init; }
    public string? Kind { get; init; }
    public string? Period { get; init; }
    public string? RequestedBy { get; init; }
    public string? TemplateVersion { get; init; }
    public string? EngineVersion { get; init; }
    public DateTimeOffset? GeneratedAt { get; init; }
    public string? ProtectiveMarking { get; init; }
    public string? RunId { get; init; }

    /// <summary>The report's parameter (a quality statement's code); null for kinds without one.</summary>
    public string? Parameter { get; init; }

    /// <summary>A regenerated entry: the entry it replaces (<see cref="Reason"/> says why).</summary>
    public string? Supersedes { get; init; }

    /// <summary>An approved draft's entry (review.md): the draft it issues, and who approved it (<see cref="SignOff.ApprovedBy"/>).</summary>
    public string? Draft { get; init; }

    public string? ApprovedBy { get; init; }

    /// <summary>An addition: the entry whose file it adds.</summary>
    public string? AddsTo { get; init; }

    /// <summary>A hold or a release: the entry it is placed on or lifted from (<see cref="Reason"/> says why).</summary>
    public string? Concerns { get; init; }

    /// <summary>File role (see <see cref="ArchiveFile"/>) → SHA-256 of its bytes in the content store.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    // A tombstone: which entry was pruned, where it stood in the chain, its hash, and why.
    public string? PrunedId { get; init; }
    public long? PrunedSeq { get; init; }
    public string? PrunedHash { get; init; }
    public string? Reason { get; init; }

    /// <summary>The report an entry issues, as stored (a method: the export writes every property).</summary>
    public Kinds.ReportFields ReportFields() => new(Authority, Kind, Period, Parameter);

    public required string PreviousHash { get; init; }
    public string Hash { get; init; } = "";

    /// <summary>The archive key's signature over <see cref="Hash"/> (base64); see <see cref="ArchiveSigner"/>.</summary>
    public string? Signature { get; init; }

    /// <summary>
    /// The serializer settings of the canonical bytes, fixed here rather than left to the library's defaults: compact,
    /// every character outside ASCII and every HTML-sensitive one escaped as \uXXXX, keys in ordinal order.
    /// </summary>
    private static readonly JsonSerializerOptions Canonical = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
        PropertyNamingPolicy = null,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };

    /// <summary>
    /// SHA-256 over the previous hash and the canonical JSON of every field (keys in order, times to the microsecond).
    /// Fields added after the first version count only when set, so records written before them keep their hashes.
    /// </summary>
    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText())));

    /// <summary>What is hashed and, through the hash, signed: the previous hash, a newline and the canonical JSON of the fields.</summary>
    public string CanonicalText()
    {
        static string? Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["seq"] = Seq, ["id"] = Id, ["type"] = Type.ToString(), ["created_at"] = Time(CreatedAt), ["authority"] = Authority,
            ["kind"] = Kind, ["period"] = Period, ["requested_by"] = RequestedBy, ["template_version"] = TemplateVersion,
            ["engine_version"] = EngineVersion, ["generated_at"] = Time(GeneratedAt), ["protective_marking"] = ProtectiveMarking,
            ["run_id"] = RunId, ["files"] = new SortedDictionary<string, string>(Files.ToDictionary(), StringComparer.Ordinal),
            ["pruned_id"] = PrunedId, ["pruned_seq"] = PrunedSeq, ["pruned_hash"] = PrunedHash, ["reason"] = Reason,
        };
        if (Parameter is not null) fields["parameter"] = Parameter;
        if (Supersedes is not null) fields["supersedes"] = Supersedes;
        if (AddsTo is not null) fields["adds_to"] = AddsTo;
        if (Concerns is not null) fields["concerns"] = Concerns;
        if (Draft is not null) fields["draft"] = Draft;
        if (ApprovedBy is not null) fields["approved_by"] = ApprovedBy;
        return $"{PreviousHash}\n{JsonSerializer.Serialize(fields, Canonical)}";
    }

    /// <summary>Times are kept to the microsecond, as PostgreSQL stores them, so a stored row hashes as it was written.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);
}

/// <summary>The files of an archive entry.</summary>
public static class ArchiveFile
{
    public const string Pdf = "pdf";
    public const string PdfA = "pdfa";
    public const string Metrics = "metrics";
    public const string Snapshot = "snapshot";
    public const string Templates = "templates";

    /// <summary>An approved report's sign-off and commentary as printed (<see cref="ArchivedReview"/>).</summary>
    public const string Review = "review";

    /// <summary>The report's other editions (<see cref="ArchiveEditions"/>), each named for its format.</summary>
    public const string Html = "html", Xlsx = "xlsx", Docx = "docx";
}
