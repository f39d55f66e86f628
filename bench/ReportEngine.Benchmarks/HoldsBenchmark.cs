using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.PostgreSql;
using ReportEngine.Testing;

namespace ReportEngine.Benchmarks;

/// <summary>
/// What holding the archive's objects costs a write (the lock between writers and removers), against storing the new
/// objects of one entry in the same store in the same run: files (a lock file) and PostgreSQL (an advisory lock).
/// </summary>
internal static class HoldsBenchmark
{
    /// <summary>An entry's new objects, about the sample pack's sizes: the issued PDF, metrics.json, the snapshot.</summary>
    private static readonly int[] EntrySizes = [289 * 1024, 24 * 1024, 38 * 1024];

    public static async Task RunAsync(int runs)
    {
        await using var postgres = ThrowawayPostgres.Create();
        var database = await postgres.CreateDatabaseAsync();
        await EvidenceDatabase.MigrateAsync(database, NullLogger.Instance);
        await using var source = NpgsqlDataSource.Create(database);
        using var folder = new TempFolder();

        Console.WriteLine($"{runs} runs each (median)");
        Console.WriteLine();
        Console.WriteLine("| store | store an entry's new objects (ms) | hold for writing and let go (ms) | ratio | hold for removing and let go (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, store) in new (string, IObjectStore)[] { ("files", new FileObjectStore(folder.Path)), ("PostgreSQL", new PostgresObjectStore(source)) })
        {
            var content = new ContentStore(folder.Path, store);
            await HoldAsync(content, ObjectsAccess.Writing); // warm: the lock file made, a pooled connection opened
            var put = await Stats.MedianMsAsync(runs, async () =>
            {
                foreach (var size in EntrySizes) await content.PutAsync(RandomNumberGenerator.GetBytes(size));
            });
            var writing = await Stats.MedianMsAsync(runs, () => HoldAsync(content, ObjectsAccess.Writing));
            var removing = await Stats.MedianMsAsync(runs, () => HoldAsync(content, ObjectsAccess.Removing));
            Console.WriteLine($"| {name} | {put:F2} | {writing:F2} | {writing / put:P1} | {removing:F2} |");
        }
    }

    private static async Task HoldAsync(ContentStore store, ObjectsAccess access)
    {
        await using var hold = await store.HoldAsync(access);
    }
}
