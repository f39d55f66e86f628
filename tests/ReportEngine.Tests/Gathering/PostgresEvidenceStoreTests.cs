using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReportEngine.Gathering;
using ReportEngine.Kinds;
using ReportEngine.Metrics;
using ReportEngine.PostgreSql;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Gathering;

[Collection(CommandLineCollection.Name)]
public class PostgresEvidenceStoreTests(PostgresFixture postgres)
{
    private async Task<(NpgsqlDataSource Source, PostgresEvidenceStore Store)> NewStoreAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await EvidenceDatabase.MigrateAsync(connectionString, NullLogger.Instance);
        var source = NpgsqlDataSource.Create(connectionString);
        return (source, new PostgresEvidenceStore(source));
    }

    /// <summary>metrics.json of every kind (the quality-statement report for LEARNING), as one text.</summary>
    private static async Task<string> MetricsJsonFromAsync(IEvidenceSource source)
    {
        var evidence = (await source.GatherAsync()).Evidence;
        var reports = new[]
        {
            ReportIdentity.Of("NDC", ReportKinds.Monthly, new ReportingPeriod(2024, 1)),
            ReportIdentity.Of("NDC", ReportKinds.ComplaintsAnnual, PeriodType.BusinessYear.Containing(new DateOnly(2024, 3, 1))),
            ReportIdentity.Of("NDC", ReportKinds.QualityStatement, new ReportingPeriod(2024, 1), ReportEngine.Evidence.QualityStatement.Learning),
            ReportIdentity.Of("NDC", ReportKinds.QualityStatement, new ReportingPeriod(2024, 1), ReportEngine.Evidence.QualityStatement.AssessingNeeds),
            ReportIdentity.Of("NDC", ReportKinds.QualityStatement, new ReportingPeriod(2024, 1), ReportEngine.Evidence.QualityStatement.Safeguarding),
        };
        return string.Join("\n", reports.Select(r => System.Text.Encoding.UTF8.GetString(ReportEngine.Rendering.MetricsJson.Serialize(r, r.Kind.Compute(evidence, r)))));
    }

    [Fact]
    public async Task Migrations_are_idempotent()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => EvidenceDatabase.MigrateAsync(connectionString, NullLogger.Instance)));
        await EvidenceDatabase.MigrateAsync(connectionString, NullLogger.Instance);
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("SELECT count(*) FROM reportengine.schema_versions");
        Assert.Equal((long)typeof(EvidenceDatabase).Assembly.GetManifestResourceNames().Count(n => n.Contains(".Migrations.", StringComparison.Ordinal)),
            await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Import_then_gather_gives_the_same_evidence_and_figures_as_the_folder()
    {
        var (source, store) = await NewStoreAsync();
        await using var _ = source;
        var folder = await new DatasetFolderSource(Repo.Sample).GatherAsync();
        await store.ImportAsync(folder, TimeProvider.System);
        await store.ImportAsync(folder, TimeProvider.System); // a second import replaces, never adds

        var database = await store.GatherAsync("NDC");
        Assert.Equal(folder.Evidence.Complaints, database.Evidence.Complaints, new ComplaintComparer());
        Assert.Equal(folder.Evidence.Staff, database.Evidence.Staff);
        Assert.Equal(folder.Evidence.Training, database.Evidence.Training);
        Assert.Equal(folder.Evidence.ComplaintLearning, database.Evidence.ComplaintLearning);
        var (fromFolder, fromDatabase) = (folder.Evidence.Operations, database.Evidence.Operations);
        Assert.Equal(fromFolder.Waits, fromDatabase.Waits);
        Assert.Equal(fromFolder.LongTermSupport, fromDatabase.LongTermSupport);
        Assert.Equal(fromFolder.Reviews, fromDatabase.Reviews);
        Assert.Equal(fromFolder.Concerns, fromDatabase.Concerns);
        Assert.Equal(fromFolder.Enquiries, fromDatabase.Enquiries);
        Assert.Equal(fromFolder.Dols, fromDatabase.Dols);
        Assert.Equal(folder.Provenance.Sha256, database.Provenance.Sha256);
        Assert.Equal(folder.Provenance.RowsPerFile, database.Provenance.RowsPerFile);
        Assert.Equal(await MetricsJsonFromAsync(new DatasetFolderSource(Repo.Sample)), await MetricsJsonFromAsync(new PostgresEvidenceSource(store, "NDC")));
    }

    [Fact]
    public async Task A_dataset_without_some_operations_files_reads_back_without_them()
    {
        var (source, store) = await NewStoreAsync();
        await using var _ = source;
        using var folder = Repo.CopyOfSample();
        folder.RemoveDatasetFile("reviews.csv");
        folder.RemoveDatasetFile("long_term_support.csv");
        folder.RemoveDatasetFile("safeguarding_enquiries.csv");
        await store.ImportAsync(await new DatasetFolderSource(folder.Path).GatherAsync(), TimeProvider.System);

        var operations = (await store.GatherAsync("NDC")).Evidence.Operations;
        Assert.Equal([true, false, false, true, false, true], operations.Files.Select(f => f.Supplied));
        Assert.Equal(await MetricsJsonFromAsync(new DatasetFolderSource(folder.Path)), await MetricsJsonFromAsync(new PostgresEvidenceSource(store, "NDC")));
    }

    [Fact]
    public async Task A_dataset_with_coverage_csv_reads_back_with_it_and_keeps_it_in_the_frozen_snapshot()
    {
        var (source, store) = await NewStoreAsync();
        await using var _ = source;
        using var folder = Repo.CopyOfSample();
        File.WriteAllText(folder.File("coverage.csv"), "file,covers_from,covers_to\nsupervision.csv,,2024-02-29\ncomplaints.csv,2022-02-01,\n");
        File.WriteAllText(folder.File("authority.csv"),
            "code,name,council_type,population,extracted_on,adult_population,complaints_contact\nNDC,Northdale County Council,COUNTY,612400,2024-04-01,498100,\"Write to us.\n\nOr call 0300 123 4567.\"\n");
        var gathered = await new DatasetFolderSource(folder.Path).GatherAsync();
        await store.ImportAsync(gathered, TimeProvider.System);

        var database = await store.GatherAsync("NDC");
        Assert.Equal(gathered.Evidence.Coverage, database.Evidence.Coverage);
        Assert.Equal(gathered.Evidence.Authority, database.Evidence.Authority); // extracted_on, adult_population and complaints_contact with it
        Assert.Equal("Write to us.\n\nOr call 0300 123 4567.", database.Evidence.Authority.ComplaintsContact);
        var frozen = ReportEngine.Archive.EvidenceSnapshot.Deserialize(ReportEngine.Archive.EvidenceSnapshot.Serialize(database)).Evidence;
        Assert.Equal(gathered.Evidence.Coverage, frozen.Coverage);
        Assert.Equal(gathered.Evidence.Authority, frozen.Authority);

        // Imported again without the file or the columns: they are gone, not an empty list or a stale day.
        File.Delete(folder.File("coverage.csv"));
        File.WriteAllText(folder.File("authority.csv"), "code,name,council_type,population\nNDC,Northdale County Council,COUNTY,612400\n");
        await store.ImportAsync(await new DatasetFolderSource(folder.Path).GatherAsync(), TimeProvider.System);
        var again = (await store.GatherAsync("NDC")).Evidence;
        Assert.Null(again.Coverage);
        Assert.Null(again.Authority.ExtractedOn);
        Assert.Null(again.Authority.AdultPopulation);
        Assert.Null(again.Authority.ComplaintsContact);
    }

    [Fact]
    public async Task A_dataset_one_hundred_times_the_sample_gives_identical_figures_from_the_database()
    {
        using var big = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, big.Path, 100);
        var (source, store) = await NewStoreAsync();
        await using var _ = source;
        var folder = await new DatasetFolderSource(big.Path).GatherAsync();
        Assert.Equal(23_800, folder.Evidence.Complaints.Count);
        await store.ImportAsync(folder, TimeProvider.System);
        Assert.Equal(await MetricsJsonFromAsync(new DatasetFolderSource(big.Path)), await MetricsJsonFromAsync(new PostgresEvidenceSource(store, "NDC")));
    }

    [Fact]
    public async Task Importing_one_authority_leaves_another_untouched()
    {
        var (source, store) = await NewStoreAsync();
        await using var _ = source;
        using var other = Repo.CopyOfSample();
        File.WriteAllText(other.File("authority.csv"), "code,name,council_type,population\nSDC,Southdale District,UNITARY,150000\n");
        File.WriteAllText(other.File("complaints.csv"), File.ReadAllLines(other.File("complaints.csv"))[0] + "\n");
        File.Delete(other.File("lgsco_cases.csv"));
        other.RemoveDatasetFile("complaint_learning.csv"); // optional, and its complaints are gone
        File.WriteAllText(other.File("lgsco_cases.csv"), "lgsco_ref,complaint_ref,business_year,decision_date,decision,satisfactory_council_remedy,enquiry_due,enquiry_sent\n");
        await store.ImportAsync(await new DatasetFolderSource(Repo.Sample).GatherAsync(), TimeProvider.System);
        await store.ImportAsync(await new DatasetFolderSource(other.Path).GatherAsync(), TimeProvider.System);

        Assert.Equal(["NDC", "SDC"], await store.AuthoritiesAsync());
        Assert.Equal(238, (await store.GatherAsync("NDC")).Evidence.Complaints.Count);
        Assert.Empty((await store.GatherAsync("SDC")).Evidence.Complaints);
        await Assert.ThrowsAsync<AuthorityNotFoundException>(() => store.GatherAsync("XYZ"));
    }

    /// <summary>
    /// The service keeps the evidence it read (issue 26): a second report from the same import reads no rows, and an
    /// import, by this process or by another one sharing the database, is read afresh at the next report.
    /// </summary>
    [Fact]
    public async Task Evidence_is_read_once_per_import_and_read_again_after_any_import()
    {
        var (source, _) = await NewStoreAsync();
        await using var __ = source;
        var cache = new EvidenceCache();
        var store = new PostgresEvidenceStore(source, cache);
        var elsewhere = new PostgresEvidenceStore(source, new EvidenceCache()); // another serve process
        await store.ImportAsync(await new DatasetFolderSource(Repo.Sample).GatherAsync(), TimeProvider.System);

        var first = await store.GatherAsync("NDC");
        Assert.Same(first, await store.GatherAsync("NDC"));

        using var changed = Repo.CopyOfSample();
        File.WriteAllLines(changed.File("complaints.csv"), File.ReadAllLines(changed.File("complaints.csv")).Where((_, i) => i != 1));
        changed.RemoveDatasetFile("complaint_learning.csv");
        File.WriteAllText(changed.File("lgsco_cases.csv"), "lgsco_ref,complaint_ref,business_year,decision_date,decision,satisfactory_council_remedy,enquiry_due,enquiry_sent\n");
        await elsewhere.ImportAsync(await new DatasetFolderSource(changed.Path).GatherAsync(), TimeProvider.System);
        var afterOther = await store.GatherAsync("NDC");
        Assert.NotSame(first, afterOther);
        Assert.Equal(237, afterOther.Evidence.Complaints.Count);
        Assert.NotEqual(first.Provenance.Sha256, afterOther.Provenance.Sha256);

        // The same bytes imported again are still another import: read again.
        await store.ImportAsync(await new DatasetFolderSource(Repo.Sample).GatherAsync(), TimeProvider.System);
        var afterOwn = await store.GatherAsync("NDC");
        Assert.NotSame(afterOther, afterOwn);
        Assert.Equal(238, afterOwn.Evidence.Complaints.Count);
        Assert.Same(afterOwn, await store.GatherAsync("NDC"));
    }

    // Complaint holds a list; records compare lists by reference.
    private sealed class ComplaintComparer : IEqualityComparer<Evidence.Complaint>
    {
        public bool Equals(Evidence.Complaint x, Evidence.Complaint y) =>
            x with { Themes = [] } == y with { Themes = [] } && x.Themes.SequenceEqual(y.Themes);

        public int GetHashCode(Evidence.Complaint obj) => obj.Ref.GetHashCode(StringComparison.Ordinal);
    }
}
