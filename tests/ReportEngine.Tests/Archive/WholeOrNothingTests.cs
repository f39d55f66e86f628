using Npgsql;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Archive;

/// <summary>Full disks and concurrent requests: no index row without all its files, no files without a row, no temporary files, the id printed whenever an entry was made.</summary>
[Collection(CommandLineCollection.Name)]
public sealed class WholeOrNothingTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempFolder _keys = new();

    public void Dispose() => _keys.Dispose();

    private async Task<string> DatabaseAsync()
    {
        var db = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, CliProcess.Run("import", "--data", Repo.Sample, "--db", db).Exit);
        return db;
    }

    private Dictionary<string, string> Environment(string db, string archive) => new()
    {
        ["REPORTENGINE_DB"] = db, ["REPORTENGINE_ARCHIVE"] = archive, ["ReportEngine__Archive__SigningKeyFile"] = _keys.File("signing-key.pem"),
    };

    private static async Task<long> RecordsAsync(string db)
    {
        await using var source = NpgsqlDataSource.Create(db);
        await using var command = source.CreateCommand("SELECT count(*) FROM reportengine.archive_records");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string[] Leftovers(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".tmp", StringComparison.Ordinal) || f.Contains("/pending/")).ToArray() : [];

    [Fact]
    public async Task An_archive_on_a_full_disk_keeps_no_row_no_object_and_no_temporary_file()
    {
        var db = await DatabaseAsync();
        using var disk = TinyDisk.Mount(200 * 1024); // smaller than one issued PDF
        using var output = new TempFolder();
        var (exit, stdout, stderr) = CliProcess.Run(Environment(db, disk.Path), "pack", "--authority", "NDC", "--period", "2024-01", "--archive", "--out", output.Path);

        Assert.Equal(1, exit);
        Assert.Empty(stdout); // no entry was made, so there is no id to print
        Assert.Contains("No space left on device", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(0, await RecordsAsync(db));
        Assert.Empty(Leftovers(disk.Path));
        Assert.Empty(Directory.Exists(Path.Combine(disk.Path, "objects")) ? Directory.GetFiles(Path.Combine(disk.Path, "objects"), "*", SearchOption.AllDirectories) : []);
        Assert.Empty(Directory.GetFiles(output.Path));
    }

    [Fact]
    public async Task An_out_folder_on_a_full_disk_still_prints_the_id_of_the_entry_made_and_a_retry_writes_it()
    {
        var db = await DatabaseAsync();
        using var archive = new TempFolder();
        using var disk = TinyDisk.Mount(100 * 1024);
        var environment = Environment(db, archive.Path);
        var (exit, stdout, stderr) = CliProcess.Run(environment, "pack", "--authority", "NDC", "--period", "2024-01", "--archive", "--out", disk.Path);

        Assert.Equal(1, exit);
        var id = stdout.Trim();
        Assert.Matches(@"^NDC-2024-01-monthly-\d{8}T\d{6}Z-[0-9a-f]{4}$", id);
        Assert.Contains($"The report was archived as {id}, but its files could not be written", stderr);
        Assert.Empty(Directory.GetFiles(disk.Path, "*", SearchOption.AllDirectories)); // no half PDF, no temporary file

        using var output = new TempFolder();
        (exit, stdout, stderr) = CliProcess.Run(environment, "pack", "--authority", "NDC", "--period", "2024-01", "--archive", "--out", output.Path);
        Assert.True(exit == 0, stderr);
        Assert.Equal($"{Path.Combine(output.Path, "NDC-2024-01-monthly.pdf")}\n{id}\n", stdout); // the same entry, not a second one
        var (verified, report, _) = CliProcess.Run(environment, "archive", "verify");
        Assert.True(verified == 0, report);
        Assert.Contains("intact: 1 entries", report);

        // Asked for again into the full disk: answered from the archive, and its id is still printed.
        (exit, stdout, stderr) = CliProcess.Run(environment, "pack", "--authority", "NDC", "--period", "2024-01", "--archive", "--out", disk.Path);
        Assert.Equal(1, exit);
        Assert.Equal($"{id}\n", stdout);
        Assert.Contains($"The report was archived as {id}, but its files could not be written", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task Two_pack_archive_of_one_report_at_once_make_one_entry_and_print_the_same_id()
    {
        var db = await DatabaseAsync();
        using var archive = new TempFolder();
        using var first = new TempFolder();
        using var second = new TempFolder();
        var environment = Environment(db, archive.Path);
        var runs = await Task.WhenAll(new[] { first, second }.Select(output =>
            Task.Run(() => CliProcess.Run(environment, "pack", "--authority", "NDC", "--period", "2024-01", "--archive", "--out", output.Path))));

        Assert.All(runs, r => Assert.True(r.Exit == 0, r.Err));
        var ids = runs.Select(r => r.Out.Split('\n')[1]).Distinct().ToList();
        Assert.Single(ids);
        Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, "NDC-2024-01-monthly.pdf")), File.ReadAllBytes(Path.Combine(second.Path, "NDC-2024-01-monthly.pdf")));
        var (_, list, _) = CliProcess.Run(environment, "archive", "list");
        Assert.Single(list.Trim().Split('\n').Skip(1));
        Assert.Contains(runs, r => r.Err.Contains("nothing was rendered", StringComparison.Ordinal));
    }
}
