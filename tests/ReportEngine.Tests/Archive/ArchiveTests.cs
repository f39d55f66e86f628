using ReportEngine.Archive;
using ReportEngine.Printing;
using ReportEngine.Rendering;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Archive;

[Collection(ArchiveCollection.Name)]
public class ArchiveTests(SamplePackFixture packs, PostgresFixture postgres)
{
    private Task<TestArchive> NewArchiveAsync() => TestArchive.CreateAsync(packs, postgres);

    [Fact]
    public async Task A_draft_goes_through_the_issuing_path_but_is_never_archived_nor_followed_up()
    {
        await using var test = await NewArchiveAsync();
        var folder = new ReportEngine.Gathering.DatasetFolderSource(Repo.Sample);
        Assert.True(ReportEngine.Kinds.ReportKinds.Monthly.PeriodType.TryParse("2024-01", out var period));
        var report = ReportEngine.Kinds.ReportIdentity.Of(await folder.AuthorityCodeAsync(), ReportEngine.Kinds.ReportKinds.Monthly, period);
        var draft = new ReportEngine.Review.ReviewMarks(true, null, []);
        var issued = await test.Issuer().IssueAsync(new ReportEngine.Issuing.ReportRequest(report, folder, ReportEngine.Issuing.Requester.Person("test"), Review: draft));

        Assert.Null(issued.Entry);
        Assert.Contains("DRAFT — not for circulation", PdfText.PerPage(issued.Rendered!.Pdf)[0]);
        Assert.Null(await test.Archive.Catalog.LatestAsync(report));
        Assert.Empty(test.FollowUps.Scheduled);
    }

    [Fact]
    public async Task An_entry_holds_the_issued_pdf_figures_snapshot_and_templates_and_gains_its_pdfa_copy_afterwards()
    {
        await using var test = await NewArchiveAsync();
        var first = await test.ArchiveSampleAsync("2024-01");
        var second = await test.ArchiveSampleAsync("2023-12");

        var entry = first.Entry;
        Assert.Equal([ArchiveFile.Metrics, ArchiveFile.Pdf, ArchiveFile.Snapshot, ArchiveFile.Templates], entry.Files.Keys.Order());
        Assert.All(entry.Files.Values, sha => Assert.True(File.Exists(test.Store.PathOf(sha))));
        Assert.Equal(entry.Files[ArchiveFile.Templates], second.Entry.Files[ArchiveFile.Templates]); // shared, stored once
        Assert.Equal(entry.Files[ArchiveFile.Snapshot], second.Entry.Files[ArchiveFile.Snapshot]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(test.Store.PathOf(entry.Files[ArchiveFile.Pdf])));
        Assert.Equal(ArchiveRecord.Genesis, entry.PreviousHash);
        Assert.Equal(entry.Hash, second.Entry.PreviousHash);
        Assert.Equal("person:test", entry.RequestedBy);

        // The PDF/A copy is follow-up work keyed by archive id: pending until its job runs, then joined to the entry once.
        Assert.Equal([first.Entry.Id, second.Entry.Id], test.FollowUps.Scheduled);
        Assert.Equal([first.Entry.Id, second.Entry.Id], (await test.Archive.VerifyAsync()).PendingPdfA);
        Assert.True(await test.Archive.PdfACopy.MakeAsync(entry.Id));
        Assert.False(await test.Archive.PdfACopy.MakeAsync(entry.Id)); // a retry does nothing
        Assert.True(await test.Archive.PdfACopy.MakeAsync(second.Entry.Id));
        var addition = (await test.Archive.Catalog.PdfACopyOfAsync(entry.Id))!;
        Assert.Equal((ArchiveRecordType.Addition, entry.Id), (addition.Type, addition.AddsTo));

        // The issued PDF is the tagged print, stamped with its archive id and snapshot hash, and its appendix shows both.
        var issued = await test.Store.GetAsync(entry.Files[ArchiveFile.Pdf]);
        Assert.Equal(issued, first.Pack.Pdf);
        var info = PdfTools.Run("pdfinfo", issued);
        Assert.Contains("Tagged:          yes", info);
        Assert.Contains($"Subject:         Inspection-readiness archive entry {entry.Id}", info);
        Assert.Contains($"Keywords:        archive-id={entry.Id}; snapshot-sha256={entry.Files[ArchiveFile.Snapshot]}", info);
        var pages = PdfText.PerPage(issued);
        var appendix = System.Text.RegularExpressions.Regex.Replace(
            string.Concat(pages.Skip(pages.ToList().FindLastIndex(p => p.Contains("Appendix: provenance", StringComparison.Ordinal)))), @"\s+", "");
        Assert.Contains($"Archiveentry{entry.Id}", appendix);
        Assert.Contains($"Datasnapshothash(SHA-256){entry.Files[ArchiveFile.Snapshot]}", appendix);

        // The archival copy is PDF/A-2b, passes qpdf --check and keeps the bookmarks.
        var pdfa = await test.Store.GetAsync((await test.Archive.Catalog.PdfAOfAsync(entry))!);
        Assert.Contains("No syntax or stream encoding errors found", PdfTools.Run("qpdf", pdfa, "--check"));
        var meta = PdfTools.Run("pdfinfo", pdfa, "-meta");
        Assert.Contains("pdfaid:part='2'", meta);
        Assert.Contains("pdfaid:conformance='B'", meta);
        Assert.Equal(PrintedPages.Contents(issued), PrintedPages.Contents(pdfa));
        Assert.Equal(PdfText.PerPage(issued).Count, PdfText.PerPage(pdfa).Count);

        // The snapshot is the exact evidence the pack was computed from.
        var snapshot = EvidenceSnapshot.Deserialize(await test.Store.GetAsync(entry.Files[ArchiveFile.Snapshot]));
        Assert.Equal(238, snapshot.Evidence.Complaints.Count);
        Assert.Equal(await test.Store.GetAsync(entry.Files[ArchiveFile.Metrics]), first.Pack.MetricsJson);

        var verification = await test.Archive.VerifyAsync();
        Assert.True(verification.Intact, string.Join("\n", verification.Problems));
        Assert.Equal(2, verification.Entries);
        Assert.Empty(verification.PendingPdfA);

        // Every archived sample pack renders again identically from its frozen data.
        foreach (var archived in new[] { first, second })
        {
            var again = await test.Archive.Rerenderer.RerenderAsync(archived.Entry.Id, templates => test.Renderer(templates));
            Assert.True(again.Identical, again.FirstDifference);
        }
    }

    [Fact]
    public async Task Verify_names_every_entry_that_was_altered_is_missing_or_out_of_order()
    {
        await using var test = await NewArchiveAsync();
        var entries = new List<ArchiveRecord>();
        foreach (var period in new[] { "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01" })
            entries.Add((await test.ArchiveSampleAsync(period)).Entry);
        Assert.True((await test.Archive.VerifyAsync()).Intact);

        // 1: one byte of a stored PDF changed.
        var pdf = test.Store.PathOf(entries[0].Files[ArchiveFile.Pdf]);
        File.SetUnixFileMode(pdf, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var bytes = File.ReadAllBytes(pdf);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(pdf, bytes);
        // 2: an entry's file deleted (its metrics.json, which no other entry shares).
        File.Delete(test.Store.PathOf(entries[1].Files[ArchiveFile.Metrics]));
        // 3: an index row edited.
        await test.ExecuteAsync($"UPDATE reportengine.archive_records SET period = '2023-07' WHERE id = '{entries[2].Id}'");
        // 4: an index row deleted.
        await test.ExecuteAsync($"DELETE FROM reportengine.archive_records WHERE id = '{entries[3].Id}'");
        // 6 and 7: two rows swapped in the chain, each with its own hash recomputed for its new place (5 stays intact).
        await test.ExecuteAsync($"UPDATE reportengine.archive_records SET seq = -seq WHERE id IN ('{entries[5].Id}', '{entries[6].Id}')");
        await test.ExecuteAsync($"UPDATE reportengine.archive_records SET seq = {entries[6].Seq} WHERE id = '{entries[5].Id}'");
        await test.ExecuteAsync($"UPDATE reportengine.archive_records SET seq = {entries[5].Seq} WHERE id = '{entries[6].Id}'");
        foreach (var moved in new[] { entries[5] with { Seq = entries[6].Seq }, entries[6] with { Seq = entries[5].Seq } })
            await test.ExecuteAsync($"UPDATE reportengine.archive_records SET hash = '{moved.ComputeHash()}' WHERE id = '{moved.Id}'");

        var result = await test.Archive.VerifyAsync();
        Assert.False(result.Intact);
        var problems = string.Join("\n", result.Problems);
        Assert.Contains($"{entries[0].Id} (#1): its pdf file has been altered", problems);
        Assert.Contains($"{entries[1].Id} (#2): its metrics file is missing", problems);
        Assert.Contains($"{entries[2].Id} (#3): its index row has been altered", problems);
        Assert.Contains("entry #4 is missing from the index", problems);
        Assert.Contains($"{entries[6].Id} (#6): out of order", problems);
        Assert.Contains($"{entries[5].Id} (#7): out of order", problems);
        Assert.Contains($"{entries[5].Id} (#7): does not match the chain's head", problems);
        // The rows moved were re-hashed without the key, and the file store's checkpoints remember what was written.
        Assert.Contains($"{entries[6].Id} (#6): its signature does not verify", problems);
        Assert.Contains($"{entries[5].Id} (#7): its signature does not verify", problems);
        Assert.Contains("checkpoint #4: the index has lost record #4", problems);
        Assert.Contains("checkpoint #6: the index's record #6 is not the one that was written", problems);
        Assert.Contains("checkpoint #7: the index's record #7 is not the one that was written", problems);
        Assert.DoesNotContain(entries[4].Id, problems);
        Assert.True(12 == result.Problems.Count, problems);
    }

    [Fact]
    public async Task A_process_killed_between_writing_files_and_the_index_leaves_no_visible_half_entry()
    {
        await using var test = await NewArchiveAsync();
        var kept = await test.ArchiveSampleAsync("2023-12");
        var renderer = test.Renderer();
        var gathered = await new ReportEngine.Gathering.DatasetFolderSource(Repo.Sample).GatherAsync();

        // Files written, index never reached: the process "dies" with the marker on disk.
        var orphanPdf = System.Text.Encoding.UTF8.GetBytes("%PDF- half an entry");
        var staged = await test.Archive.Issuing.StageAsync("NDC-2024-01-monthly-orphan", new Dictionary<string, byte[]>
        {
            [ArchiveFile.Pdf] = orphanPdf, [ArchiveFile.Snapshot] = EvidenceSnapshot.Serialize(gathered),
        }, renderer.Templates, CancellationToken.None);
        await staged.DisposeAsync();
        Assert.True(File.Exists(test.Store.PathOf(ContentStore.Sha256(orphanPdf))));
        Assert.Single(await test.Archive.Catalog.ListAsync(new ArchiveQuery())); // nobody sees it

        var restarted = test.Open();
        Assert.Equal(1, await restarted.Recovery.RecoverAsync());
        Assert.False(File.Exists(test.Store.PathOf(ContentStore.Sha256(orphanPdf))));
        Assert.True(File.Exists(test.Store.PathOf(kept.Entry.Files[ArchiveFile.Snapshot])));  // shared with the kept entry: still there
        Assert.True(File.Exists(test.Store.PathOf(kept.Entry.Files[ArchiveFile.Templates])));
        Assert.Empty(Directory.GetFiles(Path.Combine(test.Folder, "pending")));
        Assert.True((await restarted.VerifyAsync()).Intact);
        Assert.Single(await restarted.Catalog.ListAsync(new ArchiveQuery()));
    }

    /// <summary>
    /// Two writes of the same new objects at once (the first reports after a template change), one of which is given up:
    /// removing its objects waits for the other to commit, which then holds them. Two processes on one machine sharing a
    /// folder, or two machines with the objects in PostgreSQL and folders of their own.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_write_given_up_never_removes_objects_another_write_in_progress_has_found_stored(bool objectsInPostgres)
    {
        await using var test = await NewArchiveAsync();
        using var otherMachine = new TempFolder();
        ReportArchive Process(string folder) => objectsInPostgres
            ? new ReportArchive(new ContentStore(folder, new ReportEngine.PostgreSql.PostgresObjectStore(test.DataSource)),
                new ReportEngine.PostgreSql.PostgresArchiveIndex(test.DataSource), test.Options, test.Kinds, test.Clock)
            : test.Open();
        using var first = Process(test.Folder);
        using var second = Process(objectsInPostgres ? otherMachine.Path : test.Folder);
        var renderer = test.Renderer();
        var pdf = System.Text.Encoding.UTF8.GetBytes("%PDF- the same bytes, written twice at once");
        var files = new Dictionary<string, byte[]> { [ArchiveFile.Pdf] = pdf };

        var writing = await first.Issuing.StageAsync("X-kept", files, renderer.Templates, CancellationToken.None);
        var givenUp = await second.Issuing.StageAsync("X-given-up", files, renderer.Templates, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30)); // writers share the objects
        var removing = second.Issuing.AbandonAsync(givenUp);
        await Task.WhenAny(removing, Task.Delay(500));
        Assert.False(removing.IsCompleted, "the objects were removed while another write held them");

        var kept = await first.Issuing.CommitOrAbandonAsync(writing, now => new ArchiveRecord
        {
            Seq = 0, Id = "X-kept", Type = ArchiveRecordType.Entry, CreatedAt = now, Kind = "monthly", PreviousHash = "",
        }, CancellationToken.None);
        await removing.WaitAsync(TimeSpan.FromSeconds(30));

        foreach (var sha in kept.Files.Values) Assert.True(await first.Store.ExistsAsync(sha), $"{sha} was removed");
        var verification = await first.VerifyAsync();
        Assert.True(verification.Intact, string.Join("; ", verification.Problems));
        Assert.Equal(["X-kept"], (await first.Catalog.ListAsync(new ArchiveQuery())).Select(e => e.Id));
    }

    [Fact]
    public async Task An_entry_committed_before_a_crash_keeps_its_files_when_recovered()
    {
        await using var test = await NewArchiveAsync();
        var renderer = test.Renderer();
        var pdf = System.Text.Encoding.UTF8.GetBytes("%PDF- committed");
        var staged = await test.Archive.Issuing.StageAsync("X-committed", new Dictionary<string, byte[]> { [ArchiveFile.Pdf] = pdf }, renderer.Templates, CancellationToken.None);
        var marker = Directory.GetFiles(Path.Combine(test.Folder, "pending")).Single();
        await test.Archive.Issuing.CommitAsync(staged, now => new ArchiveRecord
        {
            Seq = 0, Id = "X-committed", Type = ArchiveRecordType.Entry, CreatedAt = now, Kind = "monthly", PreviousHash = "",
        }, CancellationToken.None);
        await staged.DisposeAsync();
        // As if the process died after committing but before removing its marker.
        File.WriteAllText(marker, $"{{\"Id\":\"X-committed\",\"Objects\":[\"{ContentStore.Sha256(pdf)}\"]}}");

        Assert.Equal(1, await test.Open().Recovery.RecoverAsync());
        Assert.True(File.Exists(test.Store.PathOf(ContentStore.Sha256(pdf))));
        Assert.True((await test.Archive.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Rerender_is_identical_with_the_archived_templates_and_reports_a_changed_template()
    {
        await using var test = await NewArchiveAsync();
        var entry = (await test.ArchiveSampleAsync()).Entry;
        await test.AdvanceAsync(TimeSpan.FromDays(400)); // re-rendered much later

        var again = await test.Archive.Rerenderer.RerenderAsync(entry.Id, templates => test.Renderer(templates));
        Assert.True(again.Identical, again.FirstDifference);
        Assert.True(again.SameTemplates);
        Assert.Equal(again.ArchivedPages, again.RenderedPages);

        using var changed = new TempFolder();
        CopyFolder(Repo.Templates, changed.Path);
        var complaints = Path.Combine(changed.Path, "monthly", "sections", "complaints.sbn-html");
        File.WriteAllText(complaints, File.ReadAllText(complaints).Replace("<h2>Timeliness</h2>", "<h2>How quickly we responded</h2>"));

        var withToday = await test.Archive.Rerenderer.RerenderAsync(entry.Id, templates => test.Renderer(templates), changed.Path);
        Assert.False(withToday.Identical);
        Assert.False(withToday.SameTemplates);
        Assert.Matches(@"^page \d+, line \d+: archived ""Timeliness"", re-rendered ""How quickly we responded""$", withToday.FirstDifference);

        Assert.True((await test.Archive.Rerenderer.RerenderAsync(entry.Id, templates => test.Renderer(templates))).Identical);
    }

    /// <summary>
    /// Issue 22: an entry's HTML, Excel and Word editions are made by their follow-up from its snapshot alone, joined to
    /// it as a signed addition that verify checks, read back only through the verifying reader, made once, the same
    /// bytes as the editions `pack --format` wrote when it was issued, and the same again when re-rendered.
    /// </summary>
    [Fact]
    public async Task An_entrys_editions_are_made_once_from_its_snapshot_signed_verified_and_the_same_as_those_written_when_it_was_issued()
    {
        await using var test = await NewArchiveAsync();
        using var output = new TempFolder();
        var folder = new ReportEngine.Gathering.DatasetFolderSource(Repo.Sample);
        Assert.True(ReportEngine.Kinds.ReportKinds.Monthly.PeriodType.TryParse("2024-01", out var period));
        var report = ReportEngine.Kinds.ReportIdentity.Of(await folder.AuthorityCodeAsync(), ReportEngine.Kinds.ReportKinds.Monthly, period, null);
        var issued = await test.Issuer().IssueAsync(new ReportEngine.Issuing.ReportRequest(report, folder, ReportEngine.Issuing.Requester.Person("test"),
            OutputFolder: output.Path, Editions: ReportEngine.Editions.EditionFormat.All));
        var entry = issued.Entry!;
        Assert.Null(await test.Archive.Reader.ReadAsync(entry, ArchiveFile.Html)); // not made yet: the follow-up makes them

        var editions = test.Archive.EditionsWith(test.Renderers().With);
        await test.AdvanceAsync(TimeSpan.FromDays(3)); // made later than the report: still stamped with its own time
        Assert.True(await editions.MakeAsync(entry.Id));
        Assert.False(await editions.MakeAsync(entry.Id));
        foreach (var format in ArchiveEditions.Formats)
        {
            var archived = await test.Archive.Reader.ReadAsync(entry, format.Name);
            Assert.NotNull(archived);
            Assert.True(archived.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output.Path, format.FileNameBeside(report.FileName)))),
                $"the archived {format} edition is not the one written when the report was issued");
        }
        var verification = await test.Archive.VerifyAsync();
        Assert.True(verification.Intact, string.Join("\n", verification.Problems));
        // The editions are an addition too, but not the PDF/A copy: that is still pending (and is said to be).
        Assert.Equal([entry.Id], verification.PendingPdfA);
        Assert.Equal([entry.Id], await test.Archive.Catalog.PendingPdfACopiesAsync());
        var again = await test.Archive.Rerenderer.RerenderAsync(entry.Id, test.Renderers().With);
        Assert.True(again.Identical, again.FirstDifference ?? again.Editions);

        // An edition altered in the store is refused, never served, and verify names its entry.
        var html = (await test.Archive.Catalog.EditionsOfAsync(entry.Id))!.Files[ArchiveFile.Html];
        File.WriteAllText(test.Store.PathOf(html), "<p>altered</p>");
        await Assert.ThrowsAsync<ArchiveUnverifiedException>(() => test.Archive.Reader.ReadAsync(entry, ArchiveFile.Html));
        var altered = await test.Archive.VerifyAsync();
        Assert.False(altered.Intact);
        Assert.Contains(altered.Problems, p => p.Contains(entry.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_entry_issued_with_templates_from_before_editions_gets_none_and_still_verifies()
    {
        await using var test = await NewArchiveAsync();
        using var before = new TempFolder();
        CopyFolder(Repo.Templates, before.Path);
        File.Delete(Path.Combine(before.Path, "shared", "screen.css"));
        var entry = (await test.IssueAsync(ReportEngine.Kinds.ReportKinds.Monthly, "2024-01", templatesRoot: before.Path)).Entry!;
        Assert.False(await test.Archive.EditionsWith(test.Renderers().With).MakeAsync(entry.Id));
        Assert.Null(await test.Archive.Catalog.EditionsOfAsync(entry.Id));
        Assert.Null(await test.Archive.Reader.ReadAsync(entry, ArchiveFile.Docx));
        Assert.True((await test.Archive.VerifyAsync()).Intact);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public async Task Prune_deletes_expired_entries_not_on_hold_and_leaves_a_tombstone_that_verify_accepts()
    {
        await using var test = await NewArchiveAsync();
        var old = (await test.ArchiveSampleAsync("2023-12")).Entry;
        var held = (await test.ArchiveSampleAsync("2024-01")).Entry;
        await test.AdvanceAsync(TimeSpan.FromDays(365 * 7 - 10));
        var recent = (await test.ArchiveSampleAsync("2024-03")).Entry; // the last month the sample reaches (extracted on 31 March 2024)
        await test.Archive.Retention.PlaceHoldAsync(held.Id, "LGSCO investigation 23 001 234", "test");
        await test.AdvanceAsync(TimeSpan.FromDays(20));

        var result = await test.Archive.Retention.PruneAsync("test");

        var tombstone = Assert.Single(result.Tombstones);
        Assert.Equal(old.Id, tombstone.PrunedId);
        Assert.StartsWith("retention: monthly reports are kept 7 years; created 2024-02-01", tombstone.Reason);
        Assert.Equal([held.Id], result.Plan.Held.Select(e => e.Id));
        Assert.Equal([held.Id, recent.Id], (await test.Archive.Catalog.ListAsync(new ArchiveQuery())).Select(e => e.Id));
        Assert.False(File.Exists(test.Store.PathOf(old.Files[ArchiveFile.Pdf])));
        Assert.True(File.Exists(test.Store.PathOf(old.Files[ArchiveFile.Templates]))); // still used by the others

        var verification = await test.Archive.VerifyAsync();
        Assert.True(verification.Intact, string.Join("\n", verification.Problems));
        Assert.Equal(old.Id, Assert.Single(verification.Pruned).PrunedId);

        await test.Archive.Retention.ReleaseHoldAsync(held.Id, "investigation closed", "test");
        Assert.Equal(held.Id, Assert.Single((await test.Archive.Retention.PruneAsync("test")).Tombstones).PrunedId);
        Assert.True((await test.Archive.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_regenerated_report_supersedes_the_old_entry_which_stays_and_verifies()
    {
        await using var test = await NewArchiveAsync();
        var first = await test.IssueAsync(ReportEngine.Kinds.ReportKinds.ComplaintsAnnual, "2023-24");
        Assert.False(first.Reused);

        // Asked again without regenerating: the archived report comes back, nothing is rendered.
        var same = await test.IssueAsync(ReportEngine.Kinds.ReportKinds.ComplaintsAnnual, "2023-24");
        Assert.True(same.Reused);
        Assert.Null(same.Rendered);
        Assert.Equal(first.Entry!.Id, same.Entry!.Id);

        // After a data correction: a new entry naming the old one and the reason; then again, a chain of three.
        using var corrected = Repo.CopyOfSample();
        File.AppendAllText(corrected.File("complaints.csv"), "NDC-C-9001,2023-05-02,2023-05-03,2023-05-30,2023-05-20,UPHELD,Carers,DELAY,true\n");
        var second = await test.IssueAsync(ReportEngine.Kinds.ReportKinds.ComplaintsAnnual, "2023-24", dataset: corrected.Path,
            regenerateBecause: "A complaint of May 2023 was missing from the case system's export");
        var third = await test.IssueAsync(ReportEngine.Kinds.ReportKinds.ComplaintsAnnual, "2023-24", dataset: corrected.Path,
            regenerateBecause: "Template wording corrected");
        Assert.Equal((first.Entry.Id, "A complaint of May 2023 was missing from the case system's export"), (second.Entry!.Supersedes, second.Entry.Reason));
        Assert.Equal(second.Entry.Id, third.Entry!.Supersedes);
        Assert.Contains("\"complaints.received_12m\": {\n      \"value\": 115", System.Text.Encoding.UTF8.GetString(second.Rendered!.MetricsJson));

        // Lists show the latest by default; every entry stays, unchanged, and verifies; the old one renders again as it was.
        Assert.Equal([third.Entry.Id], (await test.Archive.Catalog.ListAsync(new ArchiveQuery())).Select(e => e.Id));
        Assert.Equal([first.Entry.Id, second.Entry.Id, third.Entry.Id],
            (await test.Archive.Catalog.ListAsync(new ArchiveQuery(IncludeSuperseded: true))).Select(e => e.Id));
        Assert.Equal(third.Entry.Id, (await test.Archive.Catalog.LatestAsync(third.Report))!.Id);
        var verification = await test.Archive.VerifyAsync();
        Assert.True(verification.Intact, string.Join("\n", verification.Problems));
        Assert.Equal(3, verification.Entries);
        var old = await test.Archive.Rerenderer.RerenderAsync(first.Entry.Id, test.Renderers().With);
        Assert.True(old.Identical, old.FirstDifference);

        // A changed supersession is caught like any other edit.
        await test.ExecuteAsync($"UPDATE reportengine.archive_records SET reason = 'nothing to see' WHERE id = '{second.Entry.Id}'");
        Assert.Contains($"{second.Entry.Id} (#{second.Entry.Seq}): its index row has been altered", (await test.Archive.VerifyAsync()).Problems);
    }

    [Fact]
    public async Task Verify_tells_a_pending_pdfa_copy_from_a_missing_one_and_prune_takes_the_copy_with_its_entry()
    {
        await using var test = await NewArchiveAsync();
        var entry = (await test.ArchiveSampleAsync("2023-12")).Entry;
        var pending = await test.Archive.VerifyAsync();
        Assert.True(pending.Intact);
        Assert.Equal([entry.Id], pending.PendingPdfA);

        Assert.True(await test.Archive.PdfACopy.MakeAsync(entry.Id));
        var copy = (await test.Archive.Catalog.PdfAOfAsync(entry))!;
        File.Delete(test.Store.PathOf(copy));
        var missing = await test.Archive.VerifyAsync();
        Assert.False(missing.Intact);
        Assert.Empty(missing.PendingPdfA);
        Assert.Contains($"{entry.Id} (#2): its pdfa file is missing", missing.Problems);

        // Made again is not possible (the addition is written once); the entry's files go with it when pruned, the chain still verifies.
        Assert.False(await test.Archive.PdfACopy.MakeAsync(entry.Id));
        await test.AdvanceAsync(TimeSpan.FromDays(366 * 8));
        Assert.Single((await test.Archive.Retention.PruneAsync("test")).Tombstones);
        var afterPrune = await test.Archive.VerifyAsync();
        Assert.True(afterPrune.Intact, string.Join("\n", afterPrune.Problems));
        Assert.False(File.Exists(test.Store.PathOf(entry.Files[ArchiveFile.Pdf])));
    }
}

[Collection(ArchiveCollection.Name)]
public class ArchiveWaysOutTests(SamplePackFixture packs, PostgresFixture postgres)
{
    [Fact]
    public async Task A_record_pointed_at_another_reports_pdf_or_an_object_gone_from_the_store_is_refused_by_every_way_out_and_nothing_is_written()
    {
        await using var test = await TestArchive.CreateAsync(packs, postgres);
        var january = (await test.ArchiveSampleAsync("2024-01")).Entry;
        var february = (await test.ArchiveSampleAsync("2024-02")).Entry;

        // An edit in the database alone points February's record at January's PDF.
        await test.ExecuteAsync($"UPDATE reportengine.archive_records SET files = jsonb_set(files, '{{pdf}}', to_jsonb('{january.Files[ArchiveFile.Pdf]}'::text)) WHERE id = '{february.Id}'");
        var edited = await test.Archive.Catalog.GetEntryAsync(february.Id);
        var refused = await Assert.ThrowsAsync<ArchiveUnverifiedException>(() => test.Archive.Reader.ReadAsync(edited, ArchiveFile.Pdf));
        Assert.Equal($"{february.Id}: its record has been altered since it was signed (its hash no longer matches); nothing is served from it. Run 'archive verify'.", refused.Message);
        Assert.Equal(Foundation.FailurePolicy.Failure, Foundation.FailurePolicy.ExitCode(refused));
        Assert.True(Foundation.FailurePolicy.IsPermanent(refused));

        // archive get refuses before writing anything.
        using var exported = new TempFolder();
        var folder = Path.Combine(exported.Path, "february");
        await Assert.ThrowsAsync<ArchiveUnverifiedException>(() => test.Archive.Export.GetAsync(february.Id, folder));
        Assert.False(Directory.Exists(folder));

        // Asked for again, the report is answered from the archive only as signed: refused, nothing written to --out.
        var output = Path.Combine(exported.Path, "out");
        var folderSource = new ReportEngine.Gathering.DatasetFolderSource(Repo.Sample);
        Assert.True(ReportEngine.Metrics.PeriodType.Month.TryParse("2024-02", out var period));
        var again = new ReportEngine.Issuing.ReportRequest(ReportEngine.Kinds.ReportIdentity.Of("NDC", ReportEngine.Kinds.ReportKinds.Monthly, period), folderSource, ReportEngine.Issuing.Requester.Person("test"),
            OutputFolder: output);
        await Assert.ThrowsAsync<ArchiveUnverifiedException>(() => test.Issuer().IssueAsync(again));
        Assert.False(Directory.Exists(output));

        // January is sound, and is served; once its metrics object is gone from the store, it is refused as missing.
        Assert.NotNull(await test.Archive.Reader.ReadAsync(january, ArchiveFile.Metrics));
        await test.Store.DeleteAsync(january.Files[ArchiveFile.Metrics]);
        var missing = await Assert.ThrowsAsync<ArchiveUnverifiedException>(() => test.Archive.Reader.ReadAsync(january, ArchiveFile.Metrics));
        Assert.StartsWith($"{january.Id}: its metrics is missing from the archive's store", missing.Message);
        await Assert.ThrowsAsync<ArchiveUnverifiedException>(() => test.Archive.Export.GetAsync(january.Id, folder));
        Assert.False(Directory.Exists(folder));
    }
}

[Collection(ArchiveCollection.Name)]
public class ArchiveSigningKeyTests(SamplePackFixture packs, PostgresFixture postgres)
{
    [Fact]
    public async Task A_signing_key_others_may_read_or_one_gone_from_an_archive_with_records_is_refused_before_anything_is_rendered_and_none_is_made()
    {
        await using var test = await TestArchive.CreateAsync(packs, postgres);
        await test.ArchiveSampleAsync("2024-01");
        Assert.True(ReportEngine.Metrics.PeriodType.Month.TryParse("2024-02", out var february));
        var request = new ReportEngine.Issuing.ReportRequest(ReportEngine.Kinds.ReportIdentity.Of("NDC", ReportEngine.Kinds.ReportKinds.Monthly, february),
            new ReportEngine.Gathering.DatasetFolderSource(Repo.Sample), ReportEngine.Issuing.Requester.Person("test"));
        async Task<ArchiveKeyException> RefusedAsync()
        {
            using var archive = test.Open(); // another process, which has not opened the key yet
            var issuer = new ReportEngine.Issuing.ReportIssuer(test.Renderers(), new ReportEngine.Issuing.EndedPeriods(TimeProvider.System, new ReportOptions().FindZone()),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<ReportEngine.Issuing.ReportIssuer>.Instance,
                new ReportEngine.Issuing.IssuingArchive(archive, new ReportEngine.PostgreSql.ReportRunStore(test.DataSource), test.FollowUps));
            return await Assert.ThrowsAsync<ArchiveKeyException>(() => issuer.IssueAsync(request));
        }

        // Readable by the group: refused, naming the file and the mend.
        File.SetUnixFileMode(test.SigningKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        Assert.Contains($"chmod 600 {test.SigningKeyFile}", (await RefusedAsync()).Message);
        File.SetUnixFileMode(test.SigningKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // Gone: refused (the archive has a published key), and no new key is made in its place.
        var aside = test.SigningKeyFile + ".aside";
        File.Move(test.SigningKeyFile, aside);
        Assert.Contains($"The archive's signing key {test.SigningKeyFile} is missing", (await RefusedAsync()).Message);
        Assert.False(File.Exists(test.SigningKeyFile));
        // Gone with the published public key too: the index's records still say the archive has a key.
        var published = Path.Combine(test.Folder, ArchiveSigner.PublicKeyFileName);
        File.Move(published, published + ".aside");
        Assert.Contains("Nothing was rendered", (await RefusedAsync()).Message);
        Assert.False(File.Exists(test.SigningKeyFile));
        File.Move(published + ".aside", published);
        File.Move(aside, test.SigningKeyFile);
        Assert.Single(await test.Archive.Catalog.ListAsync(new ArchiveQuery())); // nothing was archived for February

        // A key kept inside the archive's folder is refused with the settings.
        var inside = new ArchiveOptionsValidator(ReportEngine.Kinds.ReportKinds.Standard)
            .Validate(null, new ArchiveOptions { Folder = test.Folder, SigningKeyFile = Path.Combine(test.Folder, "signing-key.pem") });
        Assert.True(inside.Failed);
        Assert.Contains("is inside the archive's folder", inside.FailureMessage);
    }
}
