using ReportEngine.Service.Web.Audit;

namespace ReportEngine.Tests.Web;

public class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static List<(AuditEvent Event, string? PreviousHash, string? Hash)> Chain(int rows)
    {
        var chain = new List<(AuditEvent, string?, string?)>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= rows; i++)
        {
            var e = new AuditEvent("person:a@b", "download.pdf", "succeeded", "NDC") { Id = i, At = Start.AddMinutes(i) };
            var hash = AuditChain.Hash(e.Id, e.At, e, previous);
            chain.Add((e, previous, hash));
            previous = hash;
        }
        return chain;
    }

    [Fact]
    public void A_chain_written_row_after_row_holds_and_rows_written_before_the_chain_began_are_left_alone()
    {
        var before = (new AuditEvent("person:a@b", "sign-in.password", "succeeded") { Id = 0, At = Start }, (string?)null, (string?)null);
        Assert.Empty(AuditChain.Problems([before, .. Chain(5)]));
    }

    [Fact]
    public void An_altered_row_a_row_inserted_by_hand_and_a_back_dated_row_are_each_named()
    {
        var altered = Chain(3);
        altered[1] = (altered[1].Event with { Outcome = "refused" }, altered[1].PreviousHash, altered[1].Hash);
        Assert.Equal(["audit row 2 (2026-12-05 09:02:00Z, download.pdf): has been altered since it was written"], AuditChain.Problems(altered));

        var inserted = Chain(3);
        inserted.Insert(2, (new AuditEvent("person:x@y", "download.pdf", "succeeded") { Id = 9, At = Start.AddMinutes(2.5) }, null, null));
        Assert.Equal(["audit row 9 (2026-12-05 09:02:30Z, download.pdf): not chained, so not written by the application"], AuditChain.Problems(inserted));

        // Back-dated with a hash of its own that links to the last row: its date gives it away.
        var chain = Chain(3);
        var late = new AuditEvent("person:x@y", "download.pdf", "succeeded") { Id = 4, At = Start };
        chain.Add((late, chain[^1].Hash, AuditChain.Hash(4, Start, late, chain[^1].Hash!)));
        Assert.Equal(["audit row 4 (2026-12-05 09:00:00Z, download.pdf): is dated before the row before it (back-dated)"], AuditChain.Problems(chain));
    }
}
