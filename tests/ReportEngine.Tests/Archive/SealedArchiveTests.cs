using System.Text.Json;
using ReportEngine.Archive;
using ReportEngine.PostgreSql;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Archive;

/// <summary>
/// An insider with write access to the database but not to the files or the key, trying what issue 8 lists, as an
/// attacker would: SQL that recomputes the (unkeyed) hashes. Each attempt is caught by <c>verify</c>, which says why.
/// </summary>
[Collection(ArchiveCollection.Name)]
public class SealedArchiveTests(SamplePackFixture packs, PostgresFixture postgres)
{
    private async Task<(TestArchive Test, List<ArchiveRecord> Entries)> ArchiveOfFourMonthsAsync()
    {
        var test = await TestArchive.CreateAsync(packs, postgres);
        var entries = new List<ArchiveRecord>();
        foreach (var period in new[] { "2023-12", "2024-01", "2024-02", "2024-03" }) entries.Add((await test.ArchiveSampleAsync(period)).Entry);
        Assert.True((await test.Archive.VerifyAsync()).Intact);
        return (test, entries);
    }

    /// <summary>Rewrites a row as the attacker wants it, with its hash recomputed so the chain's arithmetic holds.</summary>
    private static async Task RewriteAsync(TestArchive test, string id, Func<ArchiveRecord, ArchiveRecord> change)
    {
        var record = change((await new PostgresArchiveIndex(test.DataSource).FindAsync(id))!);
        var hash = record.ComputeHash();
        await test.ExecuteAsync($"""
            UPDATE reportengine.archive_records SET type = '{record.Type}', created_at = '{record.CreatedAt:O}', period = '{record.Period}',
                files = '{JsonSerializer.Serialize(record.Files)}', pruned_id = {Sql(record.PrunedId)}, pruned_seq = {record.PrunedSeq?.ToString() ?? "NULL"},
                pruned_hash = {Sql(record.PrunedHash)}, reason = {Sql(record.Reason)}, hash = '{hash}'
            WHERE id = '{id}'
            """);
        // The next record links to the new hash, as a careful attacker would also arrange.
        await test.ExecuteAsync($"UPDATE reportengine.archive_records SET previous_hash = (SELECT hash FROM reportengine.archive_records WHERE id = '{id}') WHERE seq = {record.Seq + 1}");
    }

    private static string Sql(string? value) => value is null ? "NULL" : $"'{value.Replace("'", "''")}'";

    private static async Task<string> ProblemsAsync(TestArchive test)
    {
        var result = await test.Archive.VerifyAsync();
        Assert.False(result.Intact);
        return string.Join("\n", result.Problems);
    }

    [Fact]
    public async Task An_entry_hidden_behind_an_invented_tombstone_is_caught()
    {
        var (test, entries) = await ArchiveOfFourMonthsAsync();
        await using var _ = test;
        await RewriteAsync(test, entries[1].Id, r => r with
        {
            Type = ArchiveRecordType.Tombstone, PrunedId = "NDC-2019-01-monthly-x", PrunedSeq = 99, PrunedHash = r.Hash, Reason = "retention", Files = new Dictionary<string, string>(),
        });
        Assert.Contains($"{entries[1].Id} (#2): its signature does not verify", await ProblemsAsync(test));
    }

    [Fact]
    public async Task A_record_pointed_at_another_months_pdf_is_caught()
    {
        var (test, entries) = await ArchiveOfFourMonthsAsync();
        await using var _ = test;
        await RewriteAsync(test, entries[3].Id, r => r with { Files = new Dictionary<string, string>(r.Files) { [ArchiveFile.Pdf] = entries[1].Files[ArchiveFile.Pdf] } });
        var problems = await ProblemsAsync(test);
        Assert.Contains($"{entries[3].Id} (#4): its signature does not verify", problems);
        Assert.Contains("checkpoint #4: the index's record #4 is not the one that was written", problems);
    }

    [Fact]
    public async Task A_backdated_entry_is_caught_and_prune_leaves_it_and_its_files_alone()
    {
        var (test, entries) = await ArchiveOfFourMonthsAsync();
        await using var _ = test;
        await RewriteAsync(test, entries[2].Id, r => r with { CreatedAt = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        Assert.Contains($"{entries[2].Id} (#3): its signature does not verify", await ProblemsAsync(test));

        var result = await test.Archive.Retention.PruneAsync("test");
        Assert.Empty(result.Tombstones);
        Assert.Equal([entries[2].Id], result.Plan.Untrusted.Select(e => e.Id));
        Assert.True(File.Exists(test.Store.PathOf(entries[2].Files[ArchiveFile.Pdf])));
    }

    [Fact]
    public async Task An_entry_invented_for_a_month_never_issued_is_caught()
    {
        var (test, entries) = await ArchiveOfFourMonthsAsync();
        await using var _ = test;
        var copy = entries[3] with { Seq = 5, Id = "NDC-2024-04-monthly-20240501T060000Z-beef", Period = "2024-04", PreviousHash = entries[3].Hash };
        var hash = copy.ComputeHash();
        await test.ExecuteAsync($"""
            INSERT INTO reportengine.archive_records (seq, id, type, created_at, authority_code, kind, period, files, previous_hash, hash, signature)
            SELECT 5, '{copy.Id}', 'Entry', created_at, authority_code, kind, '2024-04', files, '{copy.PreviousHash}', '{hash}', signature
            FROM reportengine.archive_records WHERE id = '{entries[3].Id}';
            UPDATE reportengine.archive_head SET seq = 5, hash = '{hash}';
            """);
        var problems = await ProblemsAsync(test);
        Assert.Contains($"{copy.Id} (#5): its index row has been altered", problems); // its fields are not those its hash was made from
        Assert.Contains($"{copy.Id} (#5): has no checkpoint in the file store", problems);
    }

    [Fact]
    public async Task Truncating_the_index_or_rolling_it_back_is_caught_by_the_file_stores_checkpoints()
    {
        var (test, entries) = await ArchiveOfFourMonthsAsync();
        await using var _ = test;

        // The newest record deleted and the head moved back to the one before, recomputed.
        await test.ExecuteAsync($"DELETE FROM reportengine.archive_records WHERE seq = 4; UPDATE reportengine.archive_head SET seq = 3, hash = '{entries[2].Hash}'");
        var rolledBack = await ProblemsAsync(test);
        Assert.Contains("checkpoint #4: the index has been rolled back: its head is #3, the file store has checkpoints to #4", rolledBack);

        await test.ExecuteAsync("TRUNCATE reportengine.archive_records; TRUNCATE reportengine.archive_head");
        var truncated = await test.Archive.VerifyAsync();
        Assert.False(truncated.Intact);
        Assert.Equal(0, truncated.Entries);
        Assert.Contains("checkpoint #1: the index has been rolled back: its head is #0", string.Join("\n", truncated.Problems));
    }

    [Fact]
    public async Task A_legal_hold_deleted_with_sql_is_caught()
    {
        var (test, entries) = await ArchiveOfFourMonthsAsync();
        await using var _ = test;
        await test.Archive.Retention.PlaceHoldAsync(entries[0].Id, "LGSCO investigation 23 001 234", "test");
        await test.Archive.Retention.PlaceHoldAsync(entries[1].Id, "Safeguarding adults review", "test");
        Assert.Equal([entries[0].Id, entries[1].Id], (await test.Archive.Catalog.HoldsAsync()).Keys.Order(StringComparer.Ordinal));

        await test.ExecuteAsync($"DELETE FROM reportengine.archive_records WHERE type = 'Hold' AND concerns = '{entries[0].Id}'");
        Assert.Equal([entries[1].Id], (await test.Archive.Catalog.HoldsAsync()).Keys);
        var problems = await ProblemsAsync(test);
        Assert.Contains("entry #5 is missing from the index", problems);
        Assert.Contains("checkpoint #5: the index has lost record #5", problems);
    }

    [Fact]
    public async Task On_the_file_store_side_a_rolled_back_checkpoint_and_a_deleted_object_are_caught()
    {
        var (test, entries) = await ArchiveOfFourMonthsAsync();
        await using var _ = test;
        var checkpoints = new ArchiveCheckpoints(test.Store);
        File.Delete(checkpoints.PathOf(4));
        File.Delete(test.Store.PathOf(entries[0].Files[ArchiveFile.Metrics]));
        var problems = await ProblemsAsync(test);
        Assert.Contains($"{entries[3].Id} (#4): has no checkpoint in the file store", problems);
        Assert.Contains($"{entries[0].Id} (#1): its metrics file is missing", problems);

        // A checkpoint edited to agree with a forged row does not verify either.
        File.WriteAllText(checkpoints.PathOf(4), JsonSerializer.Serialize(new Checkpoint(4, new string('a', 64), Convert.ToBase64String(new byte[64]))));
        Assert.Contains("checkpoint #4: its signature does not verify", await ProblemsAsync(test));
    }

    [Fact]
    public async Task A_missing_public_key_is_a_clear_error_and_a_copy_kept_elsewhere_catches_a_replaced_one()
    {
        var (test, _) = await ArchiveOfFourMonthsAsync();
        await using var __ = test;
        var published = Path.Combine(test.Store.Root, ArchiveSigner.PublicKeyFileName);
        using var keptCopy = new TempFolder();
        File.Copy(published, keptCopy.File("public-key.pem"));
        Assert.Equal("-rw-------", UnixMode(test.SigningKeyFile));

        File.Delete(published);
        var missing = Assert.Throws<ArchiveKeyException>(() => test.Archive.Signatures());
        Assert.Contains("public key", missing.Message);
        Assert.Contains("is missing, so no signature can be checked", missing.Message);

        // Someone who can write both places swaps in a key of their own: the archive's own copy agrees with itself, the kept copy does not.
        using var other = new TempFolder();
        using (ArchiveSigner.OpenOrCreate(other.File("key.pem"), new ContentStore(other.Path))) { }
        File.Copy(Path.Combine(other.Path, ArchiveSigner.PublicKeyFileName), published);
        using var kept = test.Archive.Signatures(keptCopy.File("public-key.pem"));
        Assert.True((await test.Archive.Verifier.VerifyAsync(kept)).Intact);
        using var swapped = test.Archive.Signatures();
        Assert.NotEqual(kept.Fingerprint, swapped.Fingerprint);
        Assert.False((await test.Archive.Verifier.VerifyAsync(swapped)).Intact);
    }

    private static string UnixMode(string path)
    {
        var mode = File.GetUnixFileMode(path);
        return "-" + string.Concat(new[] { UnixFileMode.UserRead, UnixFileMode.UserWrite, UnixFileMode.UserExecute, UnixFileMode.GroupRead, UnixFileMode.GroupWrite,
            UnixFileMode.GroupExecute, UnixFileMode.OtherRead, UnixFileMode.OtherWrite, UnixFileMode.OtherExecute }.Select((m, i) => mode.HasFlag(m) ? "rwx"[i % 3] : '-'));
    }

    [Fact]
    public void The_canonical_bytes_that_are_hashed_and_signed_are_fixed_by_the_code()
    {
        var record = new ArchiveRecord
        {
            Seq = 7, Id = "NDC-2024-01-monthly-20240201T060000Z-0a1b", Type = ArchiveRecordType.Entry,
            CreatedAt = new DateTimeOffset(2024, 2, 1, 6, 0, 0, 123, 456, TimeSpan.Zero), Authority = "NDC", Kind = "monthly", Period = "2024-01",
            RequestedBy = "person:Siân O’Neill <qa@northdale.gov.uk>", TemplateVersion = "t", EngineVersion = "1.0.0",
            GeneratedAt = new DateTimeOffset(2024, 2, 1, 6, 0, 0, TimeSpan.Zero), ProtectiveMarking = "OFFICIAL-SENSITIVE", RunId = "r",
            Files = new Dictionary<string, string> { ["pdf"] = "aa", ["metrics"] = "bb" }, PreviousHash = new string('0', 64),
        };
        Assert.Equal(
            "0000000000000000000000000000000000000000000000000000000000000000\n" +
            "{\"authority\":\"NDC\",\"created_at\":\"2024-02-01T06:00:00.123456Z\",\"engine_version\":\"1.0.0\",\"files\":{\"metrics\":\"bb\",\"pdf\":\"aa\"}," +
            "\"generated_at\":\"2024-02-01T06:00:00.000000Z\",\"id\":\"NDC-2024-01-monthly-20240201T060000Z-0a1b\",\"kind\":\"monthly\",\"period\":\"2024-01\"," +
            "\"protective_marking\":\"OFFICIAL-SENSITIVE\",\"pruned_hash\":null,\"pruned_id\":null,\"pruned_seq\":null,\"reason\":null," +
            "\"requested_by\":\"person:Si\\u00E2n O\\u2019Neill \\u003Cqa@northdale.gov.uk\\u003E\",\"run_id\":\"r\",\"seq\":7,\"template_version\":\"t\",\"type\":\"Entry\"}",
            record.CanonicalText());
        Assert.Equal("d50dc0fb60b29ffe1dde266e820af805049716fae7e07d73cef0d86360a1e285", record.ComputeHash()); // computed independently: sha256 of the text above
    }

    [Fact]
    public async Task Prune_trusts_the_databases_clock_and_refuses_a_machine_clock_that_disagrees()
    {
        await using var test = await TestArchive.CreateAsync(packs, postgres);

        // Archived while this machine's clock read 2015: the record carries the database's time, so prune does not take it for old.
        var realNow = test.Clock.GetUtcNow();
        test.Clock.AdjustTime(new DateTimeOffset(2015, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var entry = (await test.ArchiveSampleAsync("2024-01")).Entry;
        Assert.Equal(realNow.Date, entry.CreatedAt.Date);
        Assert.Contains("2015", (await test.Archive.Catalog.GetEntryAsync(entry.Id)).GeneratedAt!.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // A machine clock behind the newest record: refused, nothing deleted.
        var behind = await Assert.ThrowsAsync<ArchiveClockException>(() => test.Archive.Retention.PruneAsync("test"));
        Assert.Contains("is behind the newest archive record", behind.Message);

        // A machine clock set to 2034: refused, nothing deleted.
        test.Clock.AdjustTime(new DateTimeOffset(2034, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var ahead = await Assert.ThrowsAsync<ArchiveClockException>(() => test.Archive.Retention.PruneAsync("test"));
        Assert.Contains("more than a day ahead of the database's", ahead.Message);
        Assert.True(File.Exists(test.Store.PathOf(entry.Files[ArchiveFile.Pdf])));

        // Clocks that agree: nothing has expired, a dry run lists nothing.
        test.Clock.AdjustTime(realNow.AddMinutes(2));
        var plan = (await test.Archive.Retention.PruneAsync("test", dryRun: true)).Plan;
        Assert.Empty(plan.Expired);
        Assert.True((await test.Archive.VerifyAsync()).Intact);
        Assert.Null((await test.Archive.VerifyAsync()).ClockWarning);
    }

    [Fact]
    public async Task Prune_refuses_a_database_clock_set_forward_and_verify_warns_of_it()
    {
        await using var test = await TestArchive.CreateAsync(packs, postgres);
        var entry = (await test.ArchiveSampleAsync("2024-01")).Entry;

        // The database's clock at 2040, this machine's right: every entry would look 16 years old.
        await test.ShiftDatabaseClockAsync(TimeSpan.FromDays(16 * 365));
        var forward = await Assert.ThrowsAsync<ArchiveClockException>(() => test.Archive.Retention.PruneAsync("test"));
        Assert.Contains("the database's clock (2040-", forward.Message);
        Assert.Contains("is more than a day ahead of this machine's (2024-", forward.Message);
        Assert.True(File.Exists(test.Store.PathOf(entry.Files[ArchiveFile.Pdf])));
        Assert.Single(await test.Archive.Catalog.ListAsync(new ArchiveQuery()));
        var verified = await test.Archive.VerifyAsync();
        Assert.True(verified.Intact); // the records are sound; the clock is not
        Assert.Contains("the database's clock (2040-", verified.ClockWarning);

        // The database's clock set back behind the newest record it stamped: refused as well.
        await test.ShiftDatabaseClockAsync(-TimeSpan.FromDays(16 * 365) - TimeSpan.FromHours(2));
        var back = await Assert.ThrowsAsync<ArchiveClockException>(() => test.Archive.Retention.PruneAsync("test"));
        Assert.Contains("the database's clock", back.Message);
        Assert.Contains("is behind the newest archive record", back.Message);
        Assert.True(File.Exists(test.Store.PathOf(entry.Files[ArchiveFile.Pdf])));
    }

    [Fact]
    public async Task A_dry_run_lists_exactly_what_prune_then_deletes()
    {
        await using var test = await TestArchive.CreateAsync(packs, postgres);
        var old = (await test.ArchiveSampleAsync("2023-12")).Entry;
        await test.AdvanceAsync(TimeSpan.FromDays(366 * 7));
        var recent = (await test.ArchiveSampleAsync("2024-01")).Entry;
        await test.AdvanceAsync(TimeSpan.FromDays(30));

        var dry = await test.Archive.Retention.PruneAsync("test", dryRun: true);
        Assert.Equal([old.Id], dry.Plan.Expired.Select(e => e.Entry.Id));
        Assert.Empty(dry.Tombstones);
        Assert.True(File.Exists(test.Store.PathOf(old.Files[ArchiveFile.Pdf])));

        var done = await test.Archive.Retention.PruneAsync("test");
        Assert.Equal(dry.Plan.Expired.Select(e => e.Entry.Id), done.Tombstones.Select(t => t.PrunedId));
        Assert.Equal([recent.Id], (await test.Archive.Catalog.ListAsync(new ArchiveQuery())).Select(e => e.Id));
        Assert.True((await test.Archive.VerifyAsync()).Intact);
    }
}
