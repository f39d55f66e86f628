using System.Security.Cryptography;
using ReportEngine.Service.Web.Audit;

namespace ReportEngine.Tests.Web;

public sealed class AuditChainTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _key.Dispose();

    private string Sign(string hash) => Sign(_key, hash);

    private static string Sign(ECDsa key, string hash) =>
        Convert.ToBase64String(key.SignHash(Convert.FromHexString(hash), DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    private bool SignedByArchive(string hash, string signature) =>
        _key.VerifyHash(Convert.FromHexString(hash), Convert.FromBase64String(signature), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    private IReadOnlyList<string> Problems(IEnumerable<ChainedAuditRow> rows) => AuditChain.Problems(rows, SignedByArchive);

    /// <summary>Rows as the application writes them: chained, and signed from row <paramref name="signedFrom"/> on.</summary>
    private List<ChainedAuditRow> Chain(int rows, int signedFrom = 1)
    {
        var chain = new List<ChainedAuditRow>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= rows; i++)
        {
            var e = new AuditEvent("person:a@b", "download.pdf", "succeeded", "NDC") { Id = i, At = Start.AddMinutes(i) };
            var hash = AuditChain.Hash(e.Id, e.At, e, previous);
            chain.Add(new ChainedAuditRow(e, previous, hash, i >= signedFrom ? Sign(hash) : null));
            previous = hash;
        }
        return chain;
    }

    /// <summary>A row added at the end by someone who knows the algorithm: its hash links on; its signature is whatever they give.</summary>
    private static ChainedAuditRow Forged(ChainedAuditRow last, string? signature)
    {
        var e = new AuditEvent("person:x@y", "download.pdf", "succeeded") { Id = last.Event.Id + 1, At = last.Event.At.AddMinutes(1) };
        return new ChainedAuditRow(e, last.Hash, AuditChain.Hash(e.Id, e.At, e, last.Hash!), signature);
    }

    [Fact]
    public void A_chain_written_row_after_row_holds_and_rows_written_before_the_chain_or_the_signatures_began_are_left_alone()
    {
        var before = new ChainedAuditRow(new AuditEvent("person:a@b", "sign-in.password", "succeeded") { Id = 0, At = Start }, null, null, null);
        Assert.Empty(Problems([before, .. Chain(5)]));
        Assert.Empty(Problems([before, .. Chain(5, signedFrom: 3)]));
    }

    [Fact]
    public void An_altered_row_a_row_inserted_by_hand_and_a_back_dated_row_are_each_named()
    {
        var altered = Chain(3);
        altered[1] = altered[1] with { Event = altered[1].Event with { Outcome = "refused" } };
        Assert.Equal(["audit row 2 (2026-12-05 09:02:00Z, download.pdf): has been altered since it was written"], Problems(altered));

        var inserted = Chain(3);
        inserted.Insert(2, new ChainedAuditRow(new AuditEvent("person:x@y", "download.pdf", "succeeded") { Id = 9, At = Start.AddMinutes(2.5) }, null, null, null));
        Assert.Equal(["audit row 9 (2026-12-05 09:02:30Z, download.pdf): not chained, so not written by the application"], Problems(inserted));

        // Back-dated with a hash of its own that links to the last row, and even signed: its date gives it away.
        var chain = Chain(3);
        var late = new AuditEvent("person:x@y", "download.pdf", "succeeded") { Id = 4, At = Start };
        var lateHash = AuditChain.Hash(4, Start, late, chain[^1].Hash!);
        chain.Add(new ChainedAuditRow(late, chain[^1].Hash, lateHash, Sign(lateHash)));
        Assert.Equal(["audit row 4 (2026-12-05 09:00:00Z, download.pdf): is dated before the row before it (back-dated)"], Problems(chain));
    }

    [Fact]
    public void A_row_chained_on_by_someone_who_knows_the_algorithm_is_named_by_its_missing_or_foreign_signature()
    {
        var unsigned = Chain(3);
        unsigned.Add(Forged(unsigned[^1], signature: null));
        Assert.Equal(["audit row 4 (2026-12-05 09:04:00Z, download.pdf): not signed, so not written by the application"], Problems(unsigned));

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var foreign = Chain(3);
        var forged = Forged(foreign[^1], signature: null);
        foreign.Add(forged with { Signature = Sign(other, forged.Hash!) });
        Assert.Equal(["audit row 4 (2026-12-05 09:04:00Z, download.pdf): its signature is not the archive key's, so not written by the application"], Problems(foreign));
    }
}
