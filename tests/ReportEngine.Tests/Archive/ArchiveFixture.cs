using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Gathering;
using ReportEngine.Metrics;
using ReportEngine.Packs;
using ReportEngine.PostgreSql;
using ReportEngine.Templating;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Archive;

/// <summary>A fresh archive (its own database and file store) on the shared cluster and browser, with a clock tests can move.</summary>
public sealed class TestArchive : IAsyncDisposable
{
    private readonly SamplePackFixture _packs;
    private readonly TempFolder _folder = new();

    private TestArchive(SamplePackFixture packs, string database)
    {
        _packs = packs;
        Database = database;
        DataSource = NpgsqlDataSource.Create(database);
        Archive = Open();
    }

    public string Database { get; }
    public NpgsqlDataSource DataSource { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 2, 1, 6, 0, 0, TimeSpan.Zero));
    public PackArchive Archive { get; private set; }
    public string Folder => _folder.Path;
    public ContentStore Store => Archive.Store;

    public static async Task<TestArchive> CreateAsync(SamplePackFixture packs, PostgresFixture postgres)
    {
        var database = await postgres.CreateDatabaseAsync();
        await EvidenceDatabase.MigrateAsync(database, NullLogger.Instance);
        return new TestArchive(packs, database);
    }

    /// <summary>Another process opening the same archive (as after a restart).</summary>
    public PackArchive Open() =>
        new(new ContentStore(_folder.Path), new PostgresArchiveIndex(DataSource), new ArchiveOptions { Folder = _folder.Path }, Clock);

    public PackRenderer Renderer(TemplateSet? templates = null) => new(PackKind.Monthly,
        templates ?? TemplateSet.Load(Repo.Templates, PackKind.Monthly.Name),
        new Layout.ChromiumPdfPrinter(_packs.Browser), new PackOptions(), Clock);

    public async Task<ArchivedPack> ArchiveSampleAsync(string period = "2024-01", string? dataset = null)
    {
        ReportingPeriod.TryParse(period, out var month);
        var gathered = await new DatasetFolderSource(dataset ?? Repo.Sample).GatherAsync();
        var archived = await Archive.ArchiveAsync(gathered, month, Renderer(), "test");
        Clock.Advance(TimeSpan.FromMinutes(1));
        return archived;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        // Objects are read-only; the folder goes anyway.
        foreach (var file in Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        _folder.Dispose();
    }
}
