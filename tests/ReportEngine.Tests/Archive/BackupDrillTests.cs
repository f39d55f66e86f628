using Npgsql;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Archive;

/// <summary>
/// The README's backup and restore, done: the database dumped with <c>pg_dump</c> and the file store copied, both restored
/// into a fresh cluster and folder; the restored archive verifies, proves it is the same one by its head, and renders
/// an entry again identically.
/// </summary>
[Collection(CommandLineCollection.Name)]
public sealed class BackupDrillTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempFolder _work = new();

    public void Dispose()
    {
        _work.Dispose();
    }

    private static (int Exit, string Out, string Err) Run(string db, string archive, string key, params string[] args) =>
        CliProcess.Run(new Dictionary<string, string>
        {
            ["REPORTENGINE_DB"] = db, ["REPORTENGINE_ARCHIVE"] = archive, ["ReportEngine__Archive__SigningKeyFile"] = key,
        }, args);

    [Fact]
    public async Task A_dump_and_a_copy_of_the_file_store_restore_into_a_fresh_cluster_that_verifies_and_rerenders_identically()
    {
        var key = _work.File("signing-key.pem");
        var archive = Path.Combine(_work.Path, "archive");
        var db = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, Run(db, archive, key, "import", "--data", Repo.Sample).Exit);
        var (exit, stdout, stderr) = Run(db, archive, key, "pack", "--authority", "NDC", "--period", "2024-01", "--out", _work.File("out"), "--archive");
        Assert.True(exit == 0, stderr);
        var id = stdout.TrimEnd().Split('\n')[1];
        (exit, stdout, stderr) = Run(db, archive, key, "archive", "verify");
        Assert.True(exit == 0, stdout + stderr);
        var head = System.Text.RegularExpressions.Regex.Match(stdout, @"head (\d+:[0-9a-f]{64})").Groups[1].Value;
        Assert.NotEmpty(head);

        // The backup: the dump, then the file store, while nothing is being issued.
        var dump = _work.File("reportengine.dump");
        var source = new NpgsqlConnectionStringBuilder(db);
        postgres.Server.RunTool("pg_dump", "--format=custom", $"--file={dump}", $"--dbname={source.Database}");
        var copy = Path.Combine(_work.Path, "restored-archive");
        CopyFolder(archive, copy);

        // The restore, into a cluster that has never seen this archive.
        await using var fresh = ThrowawayPostgres.Create();
        var restored = await fresh.CreateDatabaseAsync();
        fresh.RunTool("pg_restore", "--no-owner", $"--dbname={new NpgsqlConnectionStringBuilder(restored).Database}", dump);

        (exit, stdout, stderr) = Run(restored, copy, key, "archive", "verify", "--head", head);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("intact: 1 entries", stdout);
        (exit, stdout, stderr) = Run(restored, copy, key, "archive", "rerender", id);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("identical", stdout);
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
}
