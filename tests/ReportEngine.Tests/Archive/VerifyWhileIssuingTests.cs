using ReportEngine.Archive;
using ReportEngine.Issuing;
using ReportEngine.Kinds;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Archive;

/// <summary>
/// <c>archive verify</c> run while the service issues reports (as QA runs it on a live archive): a report committed
/// between verify's reads is not a row missing from the index, nor an index rolled back. It judges the chain as it stood
/// when it began.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class VerifyWhileIssuingTests(SamplePackFixture packs, PostgresFixture postgres)
{
    /// <summary>The index, with a report issued just after the list of its rows is read and before anything else.</summary>
    private sealed class IssuedAfterListing(IArchiveIndex index, Func<Task> issue) : IArchiveIndex
    {
        public Task<ArchiveRecord> AppendAsync(string id, Func<ChainPosition, ArchiveRecord> build, string? removing = null, CancellationToken cancellationToken = default) =>
            index.AppendAsync(id, build, removing, cancellationToken);

        public async Task<IReadOnlyList<ArchiveRecord>> ListAsync(CancellationToken cancellationToken = default)
        {
            var listed = await index.ListAsync(cancellationToken);
            await issue();
            return listed;
        }

        public Task<(long Seq, string Hash)?> HeadAsync(CancellationToken cancellationToken = default) => index.HeadAsync(cancellationToken);
        public Task<ArchiveRecord?> FindAsync(string id, CancellationToken cancellationToken = default) => index.FindAsync(id, cancellationToken);
        public Task<ArchiveRecord?> LatestEntryAsync(ReportIdentity report, CancellationToken cancellationToken = default) => index.LatestEntryAsync(report, cancellationToken);
        public Task<int> CountRegenerationsAsync(ReportIdentity report, DateTimeOffset since, CancellationToken cancellationToken = default) =>
            index.CountRegenerationsAsync(report, since, cancellationToken);
        public Task<ArchiveRecord?> EntryOfRunAsync(string runId, CancellationToken cancellationToken = default) => index.EntryOfRunAsync(runId, cancellationToken);
        public Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken = default) => index.NowAsync(cancellationToken);
    }

    [Fact]
    public async Task A_report_issued_while_verify_reads_is_not_a_missing_row_or_a_rolled_back_index()
    {
        await using var test = await TestArchive.CreateAsync(packs, postgres);
        await test.IssueAsync(ReportKinds.Monthly, "2023-11");
        var index = new IssuedAfterListing(new ReportEngine.PostgreSql.PostgresArchiveIndex(test.DataSource),
            () => test.IssueAsync(ReportKinds.Monthly, "2023-12"));
        var verifying = new ReportArchive(new ContentStore(test.Folder), index, test.Options, test.Kinds, test.Clock);

        var verified = await verifying.VerifyAsync();
        Assert.True(verified.Intact, string.Join("\n", verified.Problems));
        // What it judged is the chain when it began; the report issued meanwhile is verified the next time.
        Assert.Equal(1, verified.Entries);
        var again = await test.Archive.VerifyAsync();
        Assert.True(again.Intact, string.Join("\n", again.Problems));
        Assert.Equal(2, again.Entries);
    }
}
