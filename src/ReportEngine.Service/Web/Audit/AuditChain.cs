using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ReportEngine.Service.Web.Audit;

/// <summary>
/// The audit log as a hash chain: each row's hash covers its every field and the hash of the row before it, so a row
/// inserted (or back-dated) by hand in the database, or one whose fields were changed, breaks the chain where it stands.
/// Each hash is signed with the archive's key, as the archive's records are: the algorithm is no secret, so a row added
/// at the end with a hash of its own that links on is caught by its missing or wrong signature. The rows are written one
/// at a time under a lock (<see cref="AuditLog"/>), their times in order.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash of the row before the first chained one.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(long id, DateTimeOffset at, AuditEvent e, string previousHash)
    {
        var canonical = JsonSerializer.Serialize(new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = id, ["at"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["actor"] = e.Actor, ["action"] = e.Action, ["outcome"] = e.Outcome, ["authority"] = e.Authority, ["report"] = e.Report,
            ["address"] = e.Address, ["detail"] = e.Detail, ["previous_hash"] = previousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>What is wrong with the chain: rows altered, inserted, out of order, back-dated or not signed; empty when it holds.</summary>
    /// <param name="rows">Every row, in id order.</param>
    /// <param name="signedByArchive">Whether a signature is the archive key's over a hash (checked with its public key).</param>
    public static IReadOnlyList<string> Problems(IEnumerable<ChainedAuditRow> rows, Func<string, string, bool> signedByArchive)
    {
        var problems = new List<string>();
        string? previous = null; // null until the first chained row
        DateTimeOffset? lastAt = null;
        var signing = false; // rows chained before the first signed one were written before signing began
        foreach (var (e, previousHash, hash, signature) in rows)
        {
            var row = $"audit row {e.Id} ({e.At:u}, {e.Action})";
            if (hash is null)
            {
                if (previous is not null) problems.Add($"{row}: not chained, so not written by the application");
                continue;
            }
            var expectedPrevious = previous ?? previousHash; // the first chained row follows whatever came before
            if (previousHash != expectedPrevious) problems.Add($"{row}: does not follow the row before it in the chain");
            if (Hash(e.Id, e.At, e, previousHash ?? "") != hash) problems.Add($"{row}: has been altered since it was written");
            if (lastAt is { } last && e.At < last) problems.Add($"{row}: is dated before the row before it (back-dated)");
            if (signature is not null)
            {
                signing = true;
                if (!signedByArchive(hash, signature)) problems.Add($"{row}: its signature is not the archive key's, so not written by the application");
            }
            else if (signing) problems.Add($"{row}: not signed, so not written by the application");
            previous = hash;
            lastAt = e.At;
        }
        return problems;
    }
}
