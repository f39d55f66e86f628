using ReportEngine.Archive;
using ReportEngine.Gathering;
using ReportEngine.Gathering.Dataset;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Gathering;

/// <summary>Each dataset file is described once (<see cref="DatasetFiles"/>); these hold the declarations to what the rest relies on.</summary>
public class DatasetFilesTests
{
    /// <summary>Taking every file's rows out of the sample's evidence and putting them back gives the same evidence, byte for byte
    /// in its frozen snapshot: a file whose slot is missing or wrong would lose or move rows.</summary>
    [Fact]
    public async Task Every_file_puts_back_what_it_takes_out_of_the_evidence()
    {
        var gathered = await new DatasetFolderSource(Repo.Sample).GatherAsync();
        var evidence = gathered.Evidence;
        var parts = new EvidenceParts();
        foreach (var file in DatasetFiles.Stored)
            await file.FillAsync(parts, file.ValuesIn(evidence)?.Select(values => (IRowValues)new ValuesRow(file, values)).ToAsyncEnumerable(), default);
        var rebuilt = parts.Build(evidence.Authority);

        Assert.Equal(EvidenceSnapshot.Serialize(gathered), EvidenceSnapshot.Serialize(gathered with { Evidence = rebuilt }));
    }

    /// <summary>
    /// Issue 26: the rows of the files that run to thousands of rows (millions at a hundred times the sample) are values
    /// held in the evidence's arrays, not one object each; the figures pass over them 24 times for the trends, and the
    /// collector marked and copied each object. A file's record made a class again fails here.
    /// </summary>
    [Theory]
    [InlineData("complaints.csv"), InlineData("training.csv"), InlineData("supervision.csv"), InlineData("waits.csv"),
     InlineData("long_term_support.csv"), InlineData("reviews.csv"), InlineData("safeguarding_concerns.csv"),
     InlineData("safeguarding_enquiries.csv"), InlineData("dols_applications.csv")]
    public void The_rows_of_the_long_files_are_values(string fileName)
    {
        var file = DatasetFiles.All.Single(f => f.FileName == fileName);
        var record = file.GetType().GetGenericArguments().Single();
        Assert.True(record.IsValueType, $"{fileName}'s record {record.Name} is a class");
    }

    /// <summary>
    /// The frozen snapshot's JSON is the archive's record of what a report was made from: the sample's is the same,
    /// byte for byte, as when its records were classes (the hash of its JSON before issue 26's ninth step), so every
    /// snapshot archived before reads and freezes again alike. A change to the sample's data changes this hash too.
    /// </summary>
    [Fact]
    public async Task The_sample_freezes_to_the_same_JSON_as_before_its_records_were_values()
    {
        var frozen = EvidenceSnapshot.Serialize(await new DatasetFolderSource(Repo.Sample).GatherAsync());
        using var json = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(new MemoryStream(frozen), System.IO.Compression.CompressionMode.Decompress)) gzip.CopyTo(json);

        Assert.Equal("2f989842768e000fc5947de4f6acabce9eec416a4b0f28c0fc9200d3b510c4d8", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json.ToArray())));
    }

    [Fact]
    public void Every_file_has_a_name_a_table_and_columns_of_its_own()
    {
        Assert.Equal(DatasetFiles.All.Count, DatasetFiles.All.Select(f => f.FileName).Distinct().Count());
        Assert.Equal(DatasetFiles.Stored.Count, DatasetFiles.Stored.Select(f => f.Table).Distinct().Count());
        Assert.All(DatasetFiles.All, f => Assert.Equal(f.Columns.Count, f.Columns.Distinct().Count()));
        Assert.Equal(["authority.csv"], DatasetFiles.All.Except(DatasetFiles.Stored).Select(f => f.FileName));
    }

    /// <summary>coverage.md's event files.</summary>
    [Fact]
    public void The_event_files_are_those_coverage_md_names()
    {
        Assert.Equal(
            ["actions.csv", "complaint_learning.csv", "complaints.csv", "dols_applications.csv", "findings.csv", "lgsco_cases.csv", "long_term_support.csv",
             "qs_scores.csv", "reviews.csv", "safeguarding_concerns.csv", "safeguarding_enquiries.csv", "staff.csv", "supervision.csv", "training.csv", "waits.csv"],
            DatasetFiles.All.Where(f => f.Events).Select(f => f.FileName).Order(StringComparer.Ordinal));
    }

    /// <summary>A row's values as the store gives them back: the record's own values by column, enums and lists as they are.</summary>
    private sealed class ValuesRow(DatasetFile file, object?[] values) : IRowValues
    {
        private object? V(string column) => values[file.Columns.ToList().IndexOf(column)];

        public bool HasErrors => false;
        public void Error(string column, string message) => throw new InvalidDataException($"{file.FileName}.{column}: {message}");
        public string Text(string column) => (string)V(column)!;
        public string? OptionalText(string column) => (string?)V(column);
        public DateOnly Date(string column) => (DateOnly)V(column)!;
        public DateOnly? OptionalDate(string column) => (DateOnly?)V(column);
        public int Int(string column, int min = int.MinValue) => (int)V(column)!;
        public int? OptionalInt(string column, int min = int.MinValue) => (int?)V(column);
        public decimal Decimal(string column) => (decimal)V(column)!;
        public decimal? OptionalDecimal(string column) => (decimal?)V(column);
        public bool Bool(string column) => (bool)V(column)!;
        public bool? OptionalBool(string column) => (bool?)V(column);
        public T Code<T>(string column) where T : struct, Enum => (T)V(column)!;
        public T? OptionalCode<T>(string column) where T : struct, Enum => (T?)V(column);
        public IReadOnlyList<string> CodeList(string column) => (string[]?)V(column) ?? [];
    }
}
