using Microsoft.Extensions.Logging.Abstractions;
using ReportEngine.Foundation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReportEngine.Composition;
using ReportEngine.Gathering;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Rendering;

namespace ReportEngine.Tests.Properties;

/// <summary>
/// Datasets no one has tried: copies of the sample changed at random, valid or broken. Each is either made into a report
/// (computed, composed and templated; printing is the same for any HTML and is tested elsewhere) or refused with exit
/// code 2 and errors that each name a file of the dataset and, where there is one, its line; never anything else.
/// </summary>
public sealed class DatasetProperties
{
    // Never started: composing a report needs the renderer's templates, not its browser.
    private static readonly ReportRenderer Renderer = new ReportRenderers(new ChromiumPdfPrinter(new ChromiumBrowser(new ChromiumOptions())),
        new ReportOptions { TemplatesRoot = Repo.Templates }, TimeProvider.System, NullLoggerFactory.Instance).For(ReportKinds.Monthly);

    private static readonly DateTimeOffset GeneratedAt = new(2024, 2, 1, 6, 0, 0, TimeSpan.Zero);

    private static Arbitrary<DatasetMutation[]> Mutations => DatasetMutation.Several;

    [Property(MaxTest = 150)]
    public Property A_changed_dataset_is_made_into_a_report_or_refused_naming_file_and_line() =>
        Prop.ForAll(Mutations, mutations =>
        {
            using var folder = Repo.CopyOfSample();
            foreach (var mutation in mutations) mutation.ApplyTo(folder.Path);
            AssertMadeOrRefusedWellAsync(folder.Path).GetAwaiter().GetResult();
        });

    /// <summary>Every date column of the sample, with the first and the last day of the calendar, which the contract accepts.</summary>
    public static TheoryData<string, int, string> CalendarEdges()
    {
        var edges = new TheoryData<string, int, string>();
        foreach (var file in DatasetMutation.Files)
        {
            var firstRow = File.ReadLines(Path.Combine(Repo.Sample, file)).Skip(1).FirstOrDefault()?.Split(',') ?? [];
            for (var column = 0; column < firstRow.Length; column++)
            {
                if (!DateOnly.TryParseExact(firstRow[column], "yyyy-MM-dd", out _)) continue;
                edges.Add(file, column, "0001-01-01");
                edges.Add(file, column, "9999-12-31");
            }
        }
        return edges;
    }

    /// <summary>
    /// A date at either end of the calendar (a placeholder some systems export for "unknown") is made into a report or
    /// refused naming its place: never a failure of date arithmetic part-way through the figures (a window twelve months
    /// before 0001-01-01 once stopped every pack of such a dataset).
    /// </summary>
    [Theory]
    [MemberData(nameof(CalendarEdges))]
    public async Task A_date_at_either_end_of_the_calendar_is_made_into_a_report_or_refused_naming_its_place(string file, int column, string date)
    {
        using var folder = Repo.CopyOfSample();
        new DatasetMutation.SetCell(file, 1, column, date).ApplyTo(folder.Path);
        await AssertMadeOrRefusedWellAsync(folder.Path);
    }

    [Property(MaxTest = 60)]
    public Property A_file_of_random_bytes_is_read_or_refused_naming_the_file() =>
        Prop.ForAll((
                from file in Gen.Elements(DatasetMutation.Files)
                from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
                from keepHeader in Gen.Elements(true, false)
                select (File: file, Bytes: bytes, KeepHeader: keepHeader)).ToArbitrary(),
            change =>
            {
                using var folder = Repo.CopyOfSample();
                var path = folder.File(change.File);
                var header = File.ReadLines(path).First() + "\n";
                File.WriteAllBytes(path, [.. change.KeepHeader ? System.Text.Encoding.UTF8.GetBytes(header) : [], .. change.Bytes]);
                var unreadable = change.Bytes.Contains((byte)0) || !IsUtf8(change.Bytes);
                try
                {
                    AssertComposes(new DatasetFolderSource(folder.Path).GatherAsync().GetAwaiter().GetResult());
                    Assert.False(unreadable, "a file with a NUL byte or bytes that are not UTF-8 was read");
                }
                catch (DatasetRejectedException refused)
                {
                    AssertRefusedWell(refused);
                    if (unreadable) Assert.Contains(refused.Errors, e => e.ToString().StartsWith(change.File + ":", StringComparison.Ordinal));
                }
            });

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The dataset in <paramref name="folder"/> is made into a report, or refused with errors that each name their place.</summary>
    private static async Task AssertMadeOrRefusedWellAsync(string folder)
    {
        GatheredEvidence gathered;
        try
        {
            gathered = await new DatasetFolderSource(folder).GatherAsync();
        }
        catch (DatasetRejectedException refused)
        {
            AssertRefusedWell(refused);
            return;
        }
        AssertComposes(gathered);
    }

    private static void AssertRefusedWell(DatasetRejectedException refused)
    {
        Assert.Equal(FailurePolicy.Refused, FailurePolicy.ExitCode(refused));
        Assert.NotEmpty(refused.Errors);
        foreach (var error in refused.Errors.Select(e => e.ToString()))
        {
            var match = DatasetMutation.ErrorLine().Match(error);
            Assert.True(match.Success, $"not file:line: column: message: {error}");
            Assert.Contains(match.Groups["file"].Value, DatasetMutation.Files);
        }
    }

    private static void AssertComposes(GatheredEvidence gathered)
    {
        Assert.True(ReportKinds.Monthly.PeriodType.TryParse("2024-01", out var period));
        var report = ReportIdentity.Of(gathered.Evidence.Authority.Code, ReportKinds.Monthly, period);
        var figures = report.Kind.Compute(gathered.Evidence, report);
        var context = new ReportContext(gathered, report.Kind.Title, report.Period,
            new ReportRunFacts(GeneratedAt, Renderer.Templates.Version, EngineVersion.Current, "OFFICIAL"));
        var (_, job) = Renderer.Compose(report.Kind, context, figures, PageNumbers.None);
        Assert.EndsWith("</html>\n", job.Html);
    }
}
