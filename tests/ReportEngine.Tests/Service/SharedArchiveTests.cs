using Npgsql;
using ReportEngine.PostgreSql;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Service;

/// <summary>
/// Two <c>serve</c> processes, each with its own local folder as on two machines, share one archive whose objects and
/// checkpoints live in PostgreSQL (<c>Archive__Objects=postgresql</c>): what either issues, a third machine with an empty
/// folder lists, verifies and gets. The database itself keeps the objects content-addressed and written once.
/// </summary>
[Collection(DeliveryCollection.Name)]
public sealed class SharedArchiveTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempFolder _work = new();

    public void Dispose()
    {
        _work.Dispose();
    }

    private Dictionary<string, string> Machine(string name) => new()
    {
        ["ReportEngine__Archive__Objects"] = "postgresql",
        ["ReportEngine__Archive__Folder"] = Path.Combine(_work.Path, name, "archive"),
        ["ReportEngine__Archive__SigningKeyFile"] = _work.File("signing-key.pem"),
    };

    [Fact]
    public async Task Two_serve_processes_with_separate_folders_share_one_archive_in_postgresql()
    {
        var database = await TestDatabases.WithImportedAsync(await postgres.CreateDatabaseAsync(), Repo.Sample);
        var first = Machine("first");
        var second = Machine("second");
        await using (var one = await ServeProcess.StartAsync(database, Path.Combine(_work.Path, "first", "packs"), first))
        await using (var two = await ServeProcess.StartAsync(database, Path.Combine(_work.Path, "second", "packs"), second))
        {
            var storage = TestDatabases.HangfireStorage(database);
            string[] periods = ["2023-09", "2023-10", "2023-11", "2023-12"];
            foreach (var period in periods) TestDatabases.EnqueuePack(storage, "NDC", period);
            await using var source = NpgsqlDataSource.Create(database);
            var runs = new ReportRunStore(source);
            Task<string> Logs() => Task.FromResult($"{one.Log}\n{two.Log}");
            await Eventually.WaitAsync(async () => (await runs.ListAsync()).Count(r => r.State == "succeeded") == periods.Length, Logs, "the reports");
            // …and their PDF/A copies, made by whichever process took each follow-up job: a verify that passes and has none
            // pending (one that did not pass has no "pending" line either, and was once taken for done while copies were made).
            var verified = "";
            await Eventually.WaitAsync(() =>
                {
                    var (exit, stdout, stderr) = CliProcess.Run(first, "archive", "verify", "--db", database);
                    verified = $"exit {exit}: {stdout}{stderr}";
                    return Task.FromResult(exit == 0 && stdout.Contains("intact: 4 entries", StringComparison.Ordinal) && !stdout.Contains("PDF/A pending", StringComparison.Ordinal));
                },
                async () => $"{await Logs()}\nthe last verify: {verified}", "the PDF/A copies", poll: TimeSpan.FromMilliseconds(500));
        }

        // No object and no checkpoint is in either machine's folder: they are in the database.
        foreach (var machine in new[] { first, second })
        {
            Assert.False(Directory.Exists(Path.Combine(machine["ReportEngine__Archive__Folder"], "objects")));
            Assert.False(Directory.Exists(Path.Combine(machine["ReportEngine__Archive__Folder"], "checkpoints")));
        }

        // A third machine, whose folder is empty, sees the whole archive (with the public key kept apart, as QA would).
        var third = Machine("third");
        third.Remove("ReportEngine__Archive__SigningKeyFile");
        var publicKey = Path.Combine(first["ReportEngine__Archive__Folder"], "public-key.pem");
        var (exit, stdout, stderr) = CliProcess.Run(third, "archive", "verify", "--db", database, "--public-key", publicKey);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("intact: 4 entries", stdout);
        (exit, stdout, _) = CliProcess.Run(third, "archive", "list", "--db", database);
        Assert.Equal(0, exit);
        var id = stdout.Split('\n').First(l => l.Contains("\t2023-10\t", StringComparison.Ordinal)).Split('\t')[0];
        var got = _work.File("got");
        (exit, _, stderr) = CliProcess.Run(third, "archive", "get", id, "--out", got, "--db", database, "--public-key", publicKey);
        Assert.True(exit == 0, stderr);
        Assert.True(File.Exists(Path.Combine(got, "NDC-2023-10-monthly-pdfa.pdf")));
    }

    [Fact]
    public async Task The_database_refuses_an_object_that_is_not_its_hash_and_any_change_to_one_written()
    {
        var database = await postgres.CreateDatabaseAsync();
        await EvidenceDatabase.MigrateAsync(database, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await using var source = NpgsqlDataSource.Create(database);
        var store = new PostgresObjectStore(source);
        byte[] bytes = [1, 2, 3];
        var sha = ReportEngine.Archive.ContentStore.Sha256(bytes);
        await store.PutAsync(sha, bytes, CancellationToken.None);
        await store.PutAsync(sha, bytes, CancellationToken.None); // the same bytes again: stored once
        Assert.Equal(bytes, await store.GetAsync(sha, CancellationToken.None));

        var forged = await Assert.ThrowsAsync<PostgresException>(() => store.PutAsync(new string('a', 64), bytes, CancellationToken.None));
        Assert.Equal(PostgresErrorCodes.CheckViolation, forged.SqlState);
        await using var change = source.CreateCommand("UPDATE reportengine.archive_objects SET content = '\\x00'::bytea, sha256 = encode(sha256('\\x00'::bytea), 'hex')");
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => change.ExecuteNonQueryAsync())).SqlState);
        await store.PutCheckpointAsync(1, [42], CancellationToken.None);
        await using var remove = source.CreateCommand("DELETE FROM reportengine.archive_checkpoints");
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => remove.ExecuteNonQueryAsync())).SqlState);
    }
}
