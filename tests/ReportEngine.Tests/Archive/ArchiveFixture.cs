using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Gathering;
using ReportEngine.Issuing;
using ReportEngine.Kinds;
using ReportEngine.Rendering;
using ReportEngine.PostgreSql;
using ReportEngine.Templating;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Archive;

/// <summary>
/// A fresh archive (its own database and file store) on the shared cluster and browser, with a clock tests can move.
/// Reports are issued through the issuing path; their follow-ups are recorded in <see cref="FollowUps"/> and run when a
/// test says so, as a job server would run them later.
/// </summary>
public sealed class TestArchive : IAsyncDisposable
{
    private readonly SamplePackFixture _packs;
    private readonly TempFolder _folder = new();
    private readonly TempFolder _keys = new(); // the signing key lives away from the file store, as in production

    private TestArchive(SamplePackFixture packs, string database, ReportKinds kinds)
    {
        _packs = packs;
        Database = database;
        Kinds = kinds;
        // The index stamps records with PostgreSQL's clock_timestamp(); this database's is one of its own schema, found first
        // on the search path, so that the database's time moves with the test's clock.
        DataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database) { SearchPath = "testclock, pg_catalog, public" }.ConnectionString);
        Archive = Open();
    }

    public string Database { get; }
    public ReportKinds Kinds { get; }
    public NpgsqlDataSource DataSource { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 2, 1, 6, 0, 0, TimeSpan.Zero));
    public ReportArchive Archive { get; }
    public string Folder => _folder.Path;
    public ContentStore Store => Archive.Store;
    public RecordedFollowUps FollowUps { get; } = new();

    public static async Task<TestArchive> CreateAsync(SamplePackFixture packs, PostgresFixture postgres, ReportKinds? kinds = null)
    {
        var database = await postgres.CreateDatabaseAsync();
        await EvidenceDatabase.MigrateAsync(database, NullLogger.Instance);
        var test = new TestArchive(packs, database, kinds ?? ReportKinds.Standard);
        await test.ExecuteAsync($"""
            CREATE SCHEMA testclock;
            CREATE TABLE testclock.shift (by interval NOT NULL);
            INSERT INTO testclock.shift VALUES (timestamptz '{test.Clock.GetUtcNow():O}' - pg_catalog.clock_timestamp());
            CREATE FUNCTION testclock.clock_timestamp() RETURNS timestamptz LANGUAGE sql VOLATILE
                AS 'SELECT pg_catalog.clock_timestamp() + (SELECT by FROM testclock.shift)';
            """);
        return test;
    }

    /// <summary>Time passes for this machine and for the database alike.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await ShiftDatabaseClockAsync(by);
    }

    /// <summary>Only the database's clock moves (set wrong), this machine's does not.</summary>
    public Task ShiftDatabaseClockAsync(TimeSpan by) => ExecuteAsync($"UPDATE testclock.shift SET by = by + interval '{(long)by.TotalSeconds} seconds'");

    /// <summary>Only this machine's clock moves (set wrong), the database's does not.</summary>
    public void SetMachineClockWrong(TimeSpan by) => Clock.Advance(by);

    /// <summary>Another process opening the same archive (as after a restart).</summary>
    public ReportArchive Open() =>
        new(new ContentStore(_folder.Path), new PostgresArchiveIndex(DataSource), Options, Kinds, Clock);

    public ArchiveOptions Options => new() { Folder = _folder.Path, SigningKeyFile = SigningKeyFile };

    public string SigningKeyFile => Path.Combine(_keys.Path, "signing-key.pem");

    public ReportRenderers Renderers(string? templatesRoot = null) => _packs.Renderers(templatesRoot, Clock);

    public ReportRenderer Renderer(TemplateSet? templates = null) => templates is null ? Renderers().For(ReportKinds.Monthly) : Renderers().With(templates);

    public ReportIssuer Issuer(string? templatesRoot = null) => new(Renderers(templatesRoot), new EndedPeriods(TimeProvider.System, new ReportOptions().FindZone()), NullLogger<ReportIssuer>.Instance,
        new IssuingArchive(Archive, new ReportRunStore(DataSource), FollowUps));

    /// <summary>Issues a report of the sample (or <paramref name="dataset"/>) into the archive through the issuing path.</summary>
    public async Task<IssuedReport> IssueAsync(ReportKind kind, string period, Evidence.QualityStatement? statement = null, string? dataset = null,
        string? regenerateBecause = null, string? templatesRoot = null)
    {
        Assert.True(kind.PeriodType.TryParse(period, out var parsed));
        var folder = new DatasetFolderSource(dataset ?? Repo.Sample);
        var report = ReportIdentity.Of(await folder.AuthorityCodeAsync(), kind, parsed, statement);
        var issued = await Issuer(templatesRoot).IssueAsync(new ReportRequest(report, folder, Requester.Person("test"), regenerateBecause, regenerateBecause is not null));
        await AdvanceAsync(TimeSpan.FromMinutes(1));
        return issued;
    }

    public async Task<ArchivedReport> ArchiveSampleAsync(string period = "2024-01", string? dataset = null)
    {
        var issued = await IssueAsync(ReportKinds.Monthly, period, dataset: dataset);
        return new ArchivedReport(issued.Entry!, issued.Rendered!);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        _folder.Dispose();
        _keys.Dispose();
    }
}

/// <summary>The follow-ups the issuing path scheduled, in order; a test runs them when it wants them done.</summary>
public sealed class RecordedFollowUps : IFollowUps
{
    private readonly List<string> _scheduled = [];

    public IReadOnlyList<string> Scheduled { get { lock (_scheduled) return [.. _scheduled]; } }

    public Task<IReadOnlyList<FollowUpOutcome>> ScheduleAsync(string archiveId, CancellationToken cancellationToken)
    {
        lock (_scheduled) _scheduled.Add(archiveId);
        return Task.FromResult<IReadOnlyList<FollowUpOutcome>>([]);
    }
}
