using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Archive;

/// <summary>The archive verbs of cli.md, run as real processes.</summary>
[Collection(CommandLineCollection.Name)]
public sealed class ArchiveCommandTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempFolder _archive = new();
    private readonly TempFolder _out = new();

    public void Dispose()
    {
        _archive.Dispose();
        _out.Dispose();
    }

    private (int Exit, string Out, string Err) Run(string db, params string[] args) => Run(db, new Dictionary<string, string>(), args);

    private (int Exit, string Out, string Err) Run(string db, Dictionary<string, string> environment, params string[] args)
    {
        environment["REPORTENGINE_DB"] = db;
        environment["REPORTENGINE_ARCHIVE"] = _archive.Path;
        return CliProcess.Run(environment, args);
    }

    [Fact]
    public async Task Pack_archive_list_get_verify_rerender_and_prune()
    {
        var db = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, Run(db, "import", "--data", Repo.Sample).Exit);

        var (exit, stdout, stderr) = Run(db, "pack", "--authority", "NDC", "--period", "2024-01", "--out", _out.Path, "--archive");
        Assert.True(exit == 0, stderr);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal(Path.Combine(_out.Path, "NDC-2024-01-monthly.pdf"), lines[0]);
        var id = lines[1];
        Assert.Matches(@"^NDC-2024-01-monthly-\d{8}T\d{6}Z-[0-9a-f]{4}$", id);
        var issuedMetrics = File.ReadAllBytes(Path.Combine(_out.Path, "metrics.json"));
        Assert.Equal(0, Run(db, "pack", "--authority", "NDC", "--period", "2023-12", "--out", _out.Path, "--archive").Exit);

        (exit, stdout, _) = Run(db, "archive", "list", "--authority", "NDC", "--from", "2024-01", "--to", "2024-01");
        Assert.Equal(0, exit);
        Assert.Contains($"{id}\tNDC\tmonthly\t2024-01\t", stdout);
        Assert.DoesNotContain("2023-12", stdout);

        using var got = new TempFolder();
        (exit, stdout, _) = Run(db, "archive", "get", id, "--out", got.Path);
        Assert.Equal(0, exit);
        foreach (var name in new[] { "NDC-2024-01-monthly.pdf", "NDC-2024-01-monthly-pdfa.pdf", "metrics.json", "snapshot.json.gz", "entry.json", "templates/monthly/pack.sbn-html" })
            Assert.True(File.Exists(Path.Combine(got.Path, name)), name);
        Assert.Equal(issuedMetrics, File.ReadAllBytes(Path.Combine(got.Path, "metrics.json")));

        (exit, stdout, _) = Run(db, "archive", "verify");
        Assert.Equal(0, exit);
        Assert.Contains("intact: 2 entries and 0 pruned", stdout);

        (exit, stdout, stderr) = Run(db, "archive", "rerender", id);
        Assert.True(exit == 0, stderr);
        Assert.Equal("identical\n", stdout);

        Assert.Equal(2, Run(db, "archive", "rerender", "NO-SUCH-ENTRY").Exit);

        // Tamper with the archived metrics of the first entry: verify names it and exits 1.
        var entryJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(got.Path, "entry.json")));
        var metricsSha = entryJson.RootElement.GetProperty("Files").GetProperty("metrics").GetString()!;
        var metricsPath = Path.Combine(_archive.Path, "objects", metricsSha[..2], metricsSha);
        File.SetAttributes(metricsPath, FileAttributes.Normal);
        File.AppendAllText(metricsPath, " ");
        (exit, stdout, _) = Run(db, "archive", "verify");
        Assert.Equal(1, exit);
        Assert.Contains($"{id} (#1): its metrics file has been altered", stdout);
        File.WriteAllBytes(metricsPath, File.ReadAllBytes(metricsPath)[..^1]);

        // A retention outside 1 to 100 years, or not a number, stops the command before it touches anything.
        foreach (var (years, message) in new[] { ("0", "'0' is not a whole number of years from 1 to 100"), ("100000", "'100000' is not a whole number"),
                     ("seven", "'seven' is not a whole number"), ("-1", "'-1' is not a whole number") })
        {
            (exit, stdout, stderr) = Run(db, new Dictionary<string, string> { ["ReportEngine__Archive__RetentionYears__monthly"] = years }, "archive", "prune");
            Assert.Equal(2, exit);
            Assert.Contains($"ReportEngine:Archive:RetentionYears:monthly: {message}", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }

        // Nothing has expired: a dry run lists nothing, a hold is a signed record in the chain and verify still passes.
        Assert.Equal(0, Run(db, "archive", "hold", id, "--reason", "Inspection evidence request").Exit);
        (exit, stdout, stderr) = Run(db, "archive", "prune", "--dry-run");
        Assert.Equal(0, exit);
        Assert.Empty(stdout);
        Assert.Contains("0 would be pruned, 0 kept under legal hold", stderr);
        Assert.Equal(0, Run(db, "archive", "release", id, "--reason", "Inspection closed").Exit);
        Assert.Equal(2, Run(db, "archive", "release", id, "--reason", "again").Exit); // no longer held
        (exit, stdout, _) = Run(db, "archive", "verify");
        Assert.Equal(0, exit);
        Assert.Contains("intact: 2 entries and 0 pruned", stdout);
        // 2 entries, their PDF/A copies and editions, a hold and its release.
        Assert.Matches(@"evidence: 8 index rows, 8 checkpoints in the file store and 16 signatures, checked with public key [0-9a-f]{16}", stdout);
    }
}
