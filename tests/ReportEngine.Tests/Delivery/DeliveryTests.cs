using System.Security.Cryptography;
using MimeKit;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>delivery.md against a real SMTP server in the test process: each recipient once, with the right parts, through failures.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class DeliveryTests(PostgresFixture postgres) : MailTestBase(postgres)
{
    private readonly TempFolder _archive = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _archive.Dispose();
    }

    /// <summary>The command line with this test's database and archive, and (<paramref name="mail"/>) the test's mail server.</summary>
    private (int Exit, string Out, string Err) Run(bool mail, params string[] args)
    {
        var environment = mail ? Smtp.Settings : new Dictionary<string, string>();
        environment["REPORTENGINE_DB"] = Db;
        environment["REPORTENGINE_ARCHIVE"] = _archive.Path;
        return CliProcess.Run(environment, args);
    }

    private void AddRecipient(string email, bool attach = false, string kind = "monthly")
    {
        string[] args = ["recipients", "add", "--authority", "NDC", "--kind", kind, "--email", email, "--name", email.Split('@')[0]];
        var added = Run(false, attach ? [.. args, "--attach"] : args);
        Assert.True(added.Exit == 0, added.Err);
    }

    /// <summary>Archives a monthly pack without sending anything (no mail server configured); its archive id.</summary>
    private string ArchiveQuietly(string period)
    {
        var (exit, stdout, stderr) = Run(false, "pack", "--authority", "NDC", "--period", period, "--out", Out.Path, "--archive");
        Assert.True(exit == 0, stderr);
        return stdout.TrimEnd().Split('\n')[1];
    }

    private static string Text(MimeMessage message) => message.TextBody ?? "";

    [Fact]
    public void A_regeneration_that_changes_nothing_is_not_emailed_again_unless_asked_and_a_report_is_regenerated_at_most_as_often_as_a_day_allows()
    {
        AddRecipient("director@northdale.gov.uk");
        var (exit, _, stderr) = Run(true, "pack", "--authority", "NDC", "--period", "2024-01", "--out", Out.Path, "--archive");
        Assert.True(exit == 0, stderr);
        Assert.Single(Smtp.Messages);

        // The same evidence and templates: issued (superseding), its reason says so, and nobody is emailed again.
        (exit, var stdout, stderr) = Run(true, "pack", "--authority", "NDC", "--period", "2024-01", "--out", Out.Path, "--archive", "--regenerate", "--reason", "Checking the figures");
        Assert.True(exit == 0, stderr);
        var quiet = stdout.TrimEnd().Split('\n')[1];
        Assert.Contains($"not delivered again: {quiet} has the same evidence and templates as", stderr);
        Assert.Single(Smtp.Messages);
        using (var got = new TempFolder())
        {
            Assert.Equal(0, Run(false, "archive", "get", quiet, "--out", got.Path).Exit);
            Assert.Matches("Checking the figures \\(the same evidence and templates as NDC-2024-01-monthly-[^;]+; not delivered again\\)",
                File.ReadAllText(Path.Combine(got.Path, "entry.json")));
        }

        // Asked for, it is delivered again.
        (exit, _, stderr) = Run(true, "pack", "--authority", "NDC", "--period", "2024-01", "--out", Out.Path, "--archive", "--regenerate", "--reason", "Send it again", "--deliver");
        Assert.True(exit == 0, stderr);
        Assert.Equal(2, Smtp.Messages.Count);
        Assert.Contains("sent director@northdale.gov.uk", stderr);

        // Two regenerations today: with two a day allowed, a third is refused before anything is rendered.
        var limited = new Dictionary<string, string>(Smtp.Settings) { ["REPORTENGINE_DB"] = Db, ["REPORTENGINE_ARCHIVE"] = _archive.Path, ["ReportEngine__Archive__RegenerationsPerDay"] = "2" };
        var refused = CliProcess.Run(limited, "pack", "--authority", "NDC", "--period", "2024-01", "--out", Out.Path, "--archive", "--regenerate", "--reason", "Once more");
        Assert.Equal(2, refused.Exit);
        Assert.Contains("--regenerate: NDC/monthly/2024-01 has been regenerated 2 times today, as many as a day allows", refused.Err);
        Assert.DoesNotContain("   at ", refused.Err);
        Assert.Equal(2, Smtp.Messages.Count);
        Assert.Equal(2, Run(true, "pack", "--authority", "NDC", "--period", "2024-01", "--out", Out.Path, "--deliver").Exit); // --deliver goes with --regenerate
    }

    [Fact]
    public void Each_recipient_gets_exactly_one_email_with_the_link_and_hashes_and_the_pdf_only_where_asked()
    {
        AddRecipient("director@northdale.gov.uk", attach: true);
        AddRecipient("head.of.service@northdale.gov.uk");
        AddRecipient("councillor@northdale.gov.uk", kind: "complaints-annual");

        var (exit, stdout, stderr) = Run(true, "pack", "--authority", "NDC", "--period", "2024-01", "--out", Out.Path, "--archive");
        Assert.True(exit == 0, stderr);
        var id = stdout.TrimEnd().Split('\n')[1];
        Assert.Contains("sent director@northdale.gov.uk", stderr);
        Assert.Contains("sent head.of.service@northdale.gov.uk", stderr);
        Assert.Equal(2, Smtp.Messages.Count);
        Assert.Empty(Smtp.To("councillor@northdale.gov.uk"));

        var pdf = File.ReadAllBytes(Path.Combine(Out.Path, "NDC-2024-01-monthly.pdf"));
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var director = Assert.Single(Smtp.To("director@northdale.gov.uk"));
        var head = Assert.Single(Smtp.To("head.of.service@northdale.gov.uk"));
        foreach (var message in new[] { director, head })
        {
            Assert.Equal("[OFFICIAL-SENSITIVE] Northdale County Council: Inspection-readiness pack, January 2024", message.Subject);
            Assert.Equal("reports@northdale.gov.uk", message.From.Mailboxes.Single().Address);
            Assert.Contains($"https://reports.northdale.gov.uk/packs/{id}", Text(message));
            Assert.Contains($"Archive id: {id}", Text(message));
            Assert.Contains($"PDF SHA-256: {sha}", Text(message));
            Assert.Matches(@"Archive chain head: \d+:[0-9a-f]{64}", Text(message));
            Assert.Contains("Complaints in 12 months: 118", Text(message));
            Assert.Contains($"https://reports.northdale.gov.uk/packs/{id}", message.HtmlBody);
            Assert.Contains(sha, message.HtmlBody);
            Assert.StartsWith($"{id}.", message.MessageId);
        }
        Assert.Contains("Dear director,", Text(director));
        var attachment = Assert.Single(director.Attachments.OfType<MimePart>());
        Assert.Equal("NDC-2024-01-monthly.pdf", attachment.FileName);
        using (var bytes = new MemoryStream())
        {
            attachment.Content!.DecodeTo(bytes);
            Assert.Equal(pdf, bytes.ToArray());
        }
        Assert.Empty(head.Attachments);

        // A second deliver sends nothing new.
        (exit, stdout, _) = Run(true, "deliver", id);
        Assert.Equal(0, exit);
        Assert.Equal(["already director@northdale.gov.uk", "already head.of.service@northdale.gov.uk"], stdout.TrimEnd().Split('\n').Order());
        Assert.Equal(2, Smtp.Messages.Count);

        (exit, stdout, _) = Run(false, "deliveries", "list", "--archive", id);
        Assert.Equal(0, exit);
        Assert.Contains($"{id}\tdirector@northdale.gov.uk\tsent\t1\t", stdout);
        Assert.Contains(director.MessageId!, stdout);

        // The chain head the email carried checks out against the archive.
        var chainHead = System.Text.RegularExpressions.Regex.Match(Text(director), @"Archive chain head: (\S+)").Groups[1].Value;
        (exit, stdout, _) = Run(false, "archive", "verify", "--head", chainHead);
        Assert.Equal(0, exit);
        Assert.Contains("matches the chain", stdout);
    }

    [Fact]
    public void A_server_that_answers_451_twice_and_then_accepts_gets_exactly_one_message()
    {
        AddRecipient("director@northdale.gov.uk");
        var id = ArchiveQuietly("2024-01");
        Smtp.TemporaryFailures = 2;
        var (exit, stdout, stderr) = Run(true, "deliver", id);
        Assert.True(exit == 0, stderr);
        Assert.Equal("sent director@northdale.gov.uk", stdout.Trim());
        Assert.Single(Smtp.Messages);
        Assert.Contains($"{id}\tdirector@northdale.gov.uk\tsent\t3\t", Run(false, "deliveries", "list").Out);
    }

    [Fact]
    public void A_550_fails_that_recipient_alone_is_shown_and_is_not_retried_until_asked()
    {
        AddRecipient("director@northdale.gov.uk");
        AddRecipient("left.the.council@northdale.gov.uk");
        Smtp.Refused.Add("left.the.council@northdale.gov.uk");
        var id = ArchiveQuietly("2024-01");

        var (exit, stdout, _) = Run(true, "deliver", id);
        Assert.Equal(1, exit);
        Assert.Contains("sent director@northdale.gov.uk", stdout);
        Assert.Matches(@"failed left\.the\.council@northdale\.gov\.uk: 550 ", stdout);
        Assert.Single(Smtp.Messages);
        Assert.Single(Smtp.RecipientsAsked, a => a == "left.the.council@northdale.gov.uk"); // tried once, never again by itself
        Assert.Matches(@"left\.the\.council@northdale\.gov\.uk\tfailed\t1\t\t[^\t]+\t550 ", Run(false, "deliveries", "list", "--archive", id).Out);

        (exit, stdout, _) = Run(true, "deliver", id);
        Assert.Equal(1, exit);
        Assert.Contains("already director@northdale.gov.uk", stdout);
        Assert.Contains("failed left.the.council@northdale.gov.uk: 550", stdout);
        Assert.Single(Smtp.RecipientsAsked, a => a == "left.the.council@northdale.gov.uk");

        Smtp.Refused.Clear(); // the mailbox is put right
        (exit, stdout, _) = Run(true, "deliver", id, "--retry-failed");
        Assert.Equal(0, exit);
        Assert.Contains("sent left.the.council@northdale.gov.uk", stdout);
        Assert.Single(Smtp.To("left.the.council@northdale.gov.uk"));
        Assert.Single(Smtp.To("director@northdale.gov.uk"));
    }

    [Fact]
    public async Task A_server_down_during_the_send_and_then_up_gets_one_message()
    {
        AddRecipient("director@northdale.gov.uk");
        var id = ArchiveQuietly("2024-01");
        await Smtp.StopAsync();
        var (exit, stdout, _) = Run(true, "deliver", id);
        Assert.Equal(1, exit);
        Assert.Contains("failed director@northdale.gov.uk: no answer from 127.0.0.1", stdout);
        Assert.Contains("\tpending\t3\t", Run(false, "deliveries", "list").Out);

        await Smtp.StartAgainAsync();
        (exit, stdout, _) = Run(true, "deliver", id);
        Assert.Equal(0, exit);
        Assert.Equal("sent director@northdale.gov.uk", stdout.Trim());
        Assert.Single(Smtp.Messages);
    }

    [Fact]
    public async Task A_history_rewritten_after_an_email_carried_its_head_is_caught_by_verify_head()
    {
        AddRecipient("director@northdale.gov.uk");
        var first = ArchiveQuietly("2023-12");
        Assert.Equal(0, Run(true, "deliver", first).Exit);
        var head = System.Text.RegularExpressions.Regex.Match(Text(Smtp.Messages.Single()), @"Archive chain head: (\d+):(\S+)").Groups;
        ArchiveQuietly("2024-01");

        // Someone with the database rewrites the record the email's head names, and every hash after it, so that the
        // chain's arithmetic holds again from the start.
        await using (var source = Npgsql.NpgsqlDataSource.Create(Db))
        {
            var index = new ReportEngine.PostgreSql.PostgresArchiveIndex(source);
            var records = await index.ListAsync();
            var previous = ReportEngine.Archive.ArchiveRecord.Genesis;
            foreach (var record in records.OrderBy(r => r.Seq))
            {
                var rewritten = record with { PreviousHash = previous, RequestedBy = record.Seq == long.Parse(head[1].Value) ? "person:someone-else" : record.RequestedBy };
                var hash = rewritten.ComputeHash();
                await using var update = source.CreateCommand("UPDATE reportengine.archive_records SET requested_by = $1, previous_hash = $2, hash = $3 WHERE seq = $4");
                update.Parameters.Add(new() { Value = (object?)rewritten.RequestedBy ?? DBNull.Value });
                update.Parameters.Add(new() { Value = previous });
                update.Parameters.Add(new() { Value = hash });
                update.Parameters.Add(new() { Value = record.Seq });
                await update.ExecuteNonQueryAsync();
                previous = hash;
            }
            await using var moveHead = source.CreateCommand($"UPDATE reportengine.archive_head SET hash = '{previous}'");
            await moveHead.ExecuteNonQueryAsync();
        }

        var (exit, stdout, _) = Run(false, "archive", "verify", "--head", $"{head[1].Value}:{head[2].Value}");
        Assert.Equal(1, exit);
        Assert.Contains($"head {head[1].Value}:{head[2].Value}: record {head[1].Value} now has hash", stdout);
        Assert.Contains("rewritten", stdout);

        Assert.Equal(2, Run(false, "archive", "verify", "--head", "12:not-a-hash").Exit);
    }

    [Theory]
    [InlineData("ReportEngine__Smtp__Port", "70000", "ReportEngine:Smtp:Port 70000 is not a port")]
    [InlineData("ReportEngine__Smtp__From", "not an address", "ReportEngine:Smtp:From 'not an address' is not an email address")]
    [InlineData("ReportEngine__Smtp__Security", "Sometimes", "ReportEngine:Smtp:Security 'Sometimes' is not None, StartTls or SslOnConnect")]
    public void Bad_mail_settings_stop_the_service_at_start_up(string setting, string value, string message)
    {
        var environment = Smtp.Settings;
        environment[setting] = value;
        environment["ReportEngine__OutputFolder"] = Out.Path;
        var (exit, _, stderr) = CliProcess.Run(environment, "serve", "--db", Db, "--urls", "http://127.0.0.1:1");
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
    }
}
