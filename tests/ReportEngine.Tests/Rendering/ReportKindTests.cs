using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReportEngine.Evidence;
using ReportEngine.Kinds;
using ReportEngine.Printing;
using ReportEngine.Rendering;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Rendering;

/// <summary>The annual complaints report and the quality-statement report of the sample, rendered for real and pinned by snapshots.</summary>
[Collection(RenderingCollection.Name)]
public class ReportKindTests(SamplePackFixture fixture)
{
    public static TheoryData<string, string, string?, string> Reports => new()
    {
        { "complaints-annual", "2023-24", null, "sample-2023-24-complaints-annual" },
        { "quality-statement", "2024-01", "LEARNING", "sample-2024-01-qs-LEARNING" },
        { "quality-statement", "2024-01", "ASSESSING_NEEDS", "sample-2024-01-qs-ASSESSING_NEEDS" },
    };

    /// <summary>The sample's files that <paramref name="keep"/> keeps, in a folder named as the sample's (the appendix prints the dataset's folder name).</summary>
    private static string CopyOfSampleNamedAsIt(TempFolder temp, Func<string, bool> keep)
    {
        var data = Directory.CreateDirectory(Path.Combine(temp.Path, "northdale")).FullName;
        foreach (var file in Directory.EnumerateFiles(Repo.Sample, "*.csv").Where(f => keep(Path.GetFileName(f))))
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        return data;
    }

    private Task<RenderedReport> RenderAsync(string kind, string period, string? statement) =>
        fixture.RenderAsync(Repo.Sample, ReportKinds.Standard.Find(kind), period,
            statement is null ? null : CodeNames<QualityStatement>.TryParse(statement, out var qs) ? qs : throw new ArgumentException(statement));

    /// <summary>
    /// benchmarks.md's "How we compare", after the executive summary: the sample's published comparisons beside its
    /// figures, grouped as the pack's sections with the sources named; and without benchmarks.csv, the one sentence
    /// saying none were supplied (and no quarter in "What needs attention").
    /// </summary>
    [Theory]
    [InlineData(true, "sample-2024-01-compare")]
    [InlineData(false, "sample-2024-01-compare-without-benchmarks")]
    public async Task How_we_compare_sets_each_benchmarked_figure_beside_england_region_and_similar_councils_or_says_none_were_supplied(bool supplied, string name)
    {
        using var temp = new TempFolder();
        var data = CopyOfSampleNamedAsIt(temp, file => supplied || file != "benchmarks.csv");
        var pack = await fixture.RenderAsync(data, ReportKinds.Monthly, "2024-01");
        var pages = PdfText.PerPage(pack.Pdf);
        var page = pages.Single(p => p.Contains("How we compare\n", StringComparison.Ordinal) && !p.StartsWith("Contents", StringComparison.Ordinal));
        // From the heading to the next section's.
        var section = page[page.IndexOf("How we compare", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("Quality statement scorecard", StringComparison.Ordinal) is var next and > 0 ? next : section.Length)];
        Snapshot.MatchReport(section, $"{name}.pdf-text", "txt", fixture.Renderers().For(ReportKinds.Monthly).Templates.Version);
        var attention = System.Text.Json.JsonDocument.Parse(pack.MetricsJson).RootElement.GetProperty("attention").EnumerateArray()
            .Select(a => a.GetProperty("key").GetString()!).Where(k => k.StartsWith("quartile.", StringComparison.Ordinal)).ToList();
        Assert.Equal(supplied ? ["quartile.safeguarding.msp_achieved_pct_12m", "quartile.training.compliance_pct"] : [], attention);
        if (supplied) Assert.Contains("Training requirements met: 69.8% is in the bottom quarter of councils in England (England 85.9%, 2022-23).", string.Join("\n", pages).Replace("\n", " "));
        else Assert.Contains("No published comparisons were supplied", section);
    }

    /// <summary>
    /// coverage.md's case: supervision.csv exported on 29 February and a March pack made from it. Its supervision figures
    /// are "not available" with the sentence naming the file and its last day, and are neither off target nor in need of
    /// attention; the same pack with supervision recorded through March prints them.
    /// </summary>
    [Theory]
    [InlineData(false, "sample-2024-03-monthly")]
    [InlineData(true, "sample-2024-03-monthly-supervision-to-february")]
    public async Task A_march_pack_prints_supervision_not_available_when_its_file_stops_in_february_and_the_figures_when_it_does_not(bool toFebruary, string name)
    {
        // The sample's coverage.csv says its supervision.csv stops on 29 February; the other case is the same data said to be complete.
        using var temp = new TempFolder();
        var data = CopyOfSampleNamedAsIt(temp, _ => true);
        var coverage = Path.Combine(data, "coverage.csv");
        Assert.Contains("supervision.csv,2022-01-01,2024-02-29", File.ReadAllLines(coverage));
        if (!toFebruary) File.WriteAllLines(coverage, File.ReadAllLines(coverage).Where(l => !l.StartsWith("supervision.csv,", StringComparison.Ordinal)));
        var pack = await fixture.RenderAsync(data, ReportKinds.Monthly, "2024-03");
        var pages = PdfText.PerPage(pack.Pdf);
        var text = string.Join("\n", pages);
        Snapshot.MatchReport(string.Join("\n", pages.Select((t, i) => $"===== page {i + 1} =====\n{t}")), $"{name}.pdf-text", "txt",
            fixture.Renderers().For(ReportKinds.Monthly).Templates.Version);

        var metrics = JsonDocument.Parse(pack.MetricsJson).RootElement.GetProperty("metrics");
        var view = (ReportEngine.Composition.Monthly.MonthlyPackViewModel)pack.ViewModel;
        if (!toFebruary)
        {
            Assert.DoesNotContain("Social workers supervised in the last 30 days not available", text);
            Assert.NotEqual(JsonValueKind.Null, metrics.GetProperty("supervision.compliance_pct").GetProperty("value").ValueKind);
            return;
        }
        Assert.Contains("Supervision figures are not available for March 2024: supervision.csv covers 1 January 2022 to 29 February 2024.", text);
        // Beside England's figure too, "not available" — never the 0.0% its missing days would make.
        Assert.Equal("not available", view.Comparisons.Groups.SelectMany(g => g.Rows).Single(r => r.Key == "supervision.compliance_pct").Ours);
        Assert.Matches("Social workers supervised in the last 30 days\\s+not available", text);
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("supervision.compliance_pct").GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("status.supervision.compliance_pct").GetProperty("value").ValueKind);
        Assert.DoesNotContain(view.Attention.All, a => a.Sentence.Contains("supervis", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// coverage.md's other case: complaints recorded from February 2022. A December 2022 pack's twelve months start in
    /// January, so its complaint figures are not available (the month's own count is), and nothing compares with 2021.
    /// Actions recorded to 30 November leave the actions open at 31 December unknown: the section says so and no more.
    /// </summary>
    [Fact]
    public async Task Complaints_recorded_from_february_2022_leave_the_twelve_months_to_december_2022_not_available()
    {
        using var data = Repo.CopyOfSample();
        File.WriteAllText(data.File("coverage.csv"), "file,covers_from,covers_to\ncomplaints.csv,2022-02-01,\nactions.csv,,2022-11-30\n");
        var pack = await fixture.RenderAsync(data.Path, ReportKinds.Monthly, "2022-12");
        var text = string.Join("\n", PdfText.PerPage(pack.Pdf));

        Assert.Contains("Complaints figures are not available for December 2022: complaints.csv covers 1 February 2022 to 31 March 2024.", text);
        Assert.DoesNotContain("complaints received between January 2022 and December 2022", text);
        Assert.Matches("Acknowledged within 3\\s+working days\\s+not available not available", text); // and the year before too
        Assert.Matches("Complaints acknowledged on time\\s+not available", text);
        Assert.Contains("Outcomes are not available for January 2022 to December 2022.", text);
        // No month of the 24 has a twelve-month figure the data covers: the chart is a sentence, not a line from zero.
        Assert.Contains("Not drawn: none of the 24 months to December 2022 has a figure.", text);
        Assert.Contains("Improvement action figures are not available for December 2022: actions.csv covers the days up to 30 November 2022.", text);
        Assert.DoesNotContain("Open actions by their owner", text);
        var view = (ReportEngine.Composition.Monthly.MonthlyPackViewModel)pack.ViewModel;
        Assert.DoesNotContain(view.Attention.All, a => a.Sentence.Contains("omplaint", StringComparison.Ordinal));
        // January's column of the received-by-month chart is left out; December's is drawn.
        var metrics = JsonDocument.Parse(pack.MetricsJson).RootElement.GetProperty("metrics");
        Assert.True(metrics.GetProperty("complaints.received_by_month.2022-01").TryGetProperty("uncovered", out _));
        Assert.False(metrics.GetProperty("complaints.received_by_month.2022-12").TryGetProperty("uncovered", out _));
        Assert.False(metrics.GetProperty("complaints.open_at_end").TryGetProperty("uncovered", out _));
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Snapshots_of_the_view_model_html_pdf_text_and_metrics(string kind, string period, string? statement, string name)
    {
        var pack = await RenderAsync(kind, period, statement);
        var options = new JsonSerializerOptions { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
        var version = fixture.Renderers().For(ReportKinds.Standard.Find(kind)!).Templates.Version;
        Snapshot.MatchReport(JsonSerializer.Serialize(pack.ViewModel, pack.ViewModel.GetType(), options), $"{name}.viewmodel", "json", version);
        Snapshot.MatchReport(pack.FinalPrint.Html, name, "html", version);
        Snapshot.MatchReport(string.Join("\n", PdfText.PerPage(pack.Pdf).Select((t, i) => $"===== page {i + 1} =====\n{t}")), $"{name}.pdf-text", "txt", version);
        Snapshot.Match(System.Text.Encoding.UTF8.GetString(pack.MetricsJson), $"{name}.metrics", "json");

        // Every report is a tagged PDF with bookmarks for its sections, fonts embedded, and its contents page numbered from the final print.
        var info = PdfTools.Run("pdfinfo", pack.Pdf);
        Assert.Contains("Tagged:          yes", info);
        Assert.All(PdfTools.Run("pdffonts", pack.Pdf).Split('\n').Skip(2).Where(l => l.Length > 0),
            f => Assert.Equal("yes", f.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5])); // "emb", 5th from the end
        var contents = PrintedPages.Contents(pack.Pdf);
        Assert.Equal("Contents", contents[0].Title);
        // A bookmark of a heading that wraps loses the space at the wrap: compared without spaces.
        static string Squeezed(string text) => string.Concat(text.Where(ch => !char.IsWhiteSpace(ch)));
        Assert.All(contents.Skip(1), c => Assert.Contains(Squeezed($"{c.Title} {c.Page}"), Squeezed(PdfText.PerPage(pack.Pdf)[1])));
    }

    /// <summary>
    /// Issue 19's page mends, held: no page but the last with less than a quarter of its body used, no table row alone
    /// on a page, no heading last on a page, in every kind, the sample's monthly pack, and a long report.
    /// </summary>
    [Theory]
    [InlineData("monthly", "2024-01", null, 1)]
    [InlineData("monthly", "2024-03", null, 1)]
    [InlineData("complaints-annual", "2023-24", null, 1)]
    [InlineData("quality-statement", "2024-01", "LEARNING", 1)]
    [InlineData("quality-statement", "2024-01", "ASSESSING_NEEDS", 1)]
    [InlineData("monthly", "2024-01", null, 20)]
    [InlineData("quality-statement", "2024-01", "LEARNING", 20)]
    public async Task No_page_is_nearly_empty_holds_a_table_row_alone_or_ends_with_a_heading(string kind, string period, string? statement, int scale)
    {
        using var data = new TempFolder();
        if (scale > 1) DatasetScaler.Scale(Repo.Sample, data.Path, scale);
        var pack = await fixture.RenderAsync(scale > 1 ? data.Path : Repo.Sample, ReportKinds.Standard.Find(kind), period,
            statement is null ? null : CodeNames<QualityStatement>.TryParse(statement, out var qs) ? qs : throw new ArgumentException(statement));
        Assert.Empty(PageLayout.Problems(pack.Pdf));
    }

    [Fact]
    public async Task The_annual_report_says_in_words_what_regulation_18_asks_and_prints_the_learning_exactly_as_written()
    {
        var pack = await RenderAsync("complaints-annual", "2023-24", null);
        var text = string.Join("\n", PdfText.PerPage(pack.Pdf)).Replace("\n", " ");
        Assert.Contains("There were 114 complaints received in 2023-24, against 107 in 2022-23 (up 7).", text);
        Assert.Contains("Of the 94 complaints decided in the year, 25 were well-founded — upheld or partly upheld — which is 26.6%", text);
        Assert.Contains("The council was told of 10 complaints referred to the Local Government and Social Care Ombudsman", text);
        Assert.Contains("The Direct Debit process was fixed with the finance team", text);
        Assert.Contains("care workers must wear their identification badges at every visit", text);
        Assert.Contains("Letters about care charges used wording that people found hard to follow, e.g. \"disregards\" & \"tariff income\".", text);
        Assert.Contains("Top-up fees for a care home were not explained before the move < so the family was surprised", text);
        Assert.DoesNotContain("Complaint responses were long", text); // recorded in 2022-23: not this year's learning
        Assert.Contains("a family waited eleven weeks", text.ToLowerInvariant());
    }

    /// <summary>Issue 22: the annual report is published, so it is marked OFFICIAL (its kind's default) and names no complaint.</summary>
    [Fact]
    public async Task The_annual_report_is_fit_for_the_public_marked_official_and_naming_no_complaint_nor_its_dates()
    {
        var pack = await RenderAsync("complaints-annual", "2023-24", null);
        var pages = PdfText.PerPage(pack.Pdf);
        Assert.All(pages, page =>
        {
            Assert.Contains("OFFICIAL", page);
            Assert.DoesNotContain("OFFICIAL-SENSITIVE", page);
        });
        var text = string.Join("\n", pages).Replace("\n", " ");
        Assert.DoesNotMatch("NDC-C-[0-9]+", text);
        // The sentence and its table agree: answered after six months, and still open after six months.
        Assert.Contains("2 complaints took more than six months: 0 answered in 2023-24 more than six months after they were received, and 2 still open at 31 March 2024 after more than six months.", text);
        Assert.Contains("All 0 2", text);
        // The outcomes this year beside last: the well-founded of the sentence are its upheld and partly upheld.
        Assert.Contains("Of the 94 complaints decided in the year, 25 were well-founded", text);
        Assert.Contains("Upheld 14 16 Partly upheld 11 30 Not upheld 69 55 Withdrawn 3 4 All answered 97 105", text);
        // Last year's figures sit inside their tiles (they were once printed before them, outside any tile).
        Assert.Contains("<div class=\"value\">114</div><div class=\"over\">107 in 2022-23</div>", pack.FinalPrint.Html);
        Assert.Contains("<div class=\"over\">79 of 97 answered; 67.6% in 2022-23</div>", pack.FinalPrint.Html);
    }

    /// <summary>Issue 22: authority.csv's optional complaints_contact is the annual report's "How to make a complaint", printed exactly as written.</summary>
    [Fact]
    public async Task The_annual_report_says_how_to_complain_in_the_authoritys_own_words_when_the_dataset_gives_them()
    {
        using var data = new TempFolder();
        foreach (var file in Directory.GetFiles(Repo.Sample)) File.Copy(file, Path.Combine(data.Path, Path.GetFileName(file)));
        var authority = File.ReadAllLines(Path.Combine(data.Path, "authority.csv"));
        File.WriteAllText(Path.Combine(data.Path, "authority.csv"),
            $"{authority[0]},complaints_contact\n{authority[1]},\"Write to: Complaints Team, County Hall, Northdale ND1 1AA.\n\nEmail complaints@northdale.gov.uk — we answer <b>every</b> complaint.\"\n");
        var text = string.Join("\n", PdfText.PerPage((await fixture.RenderAsync(data.Path, ReportKinds.ComplaintsAnnual, "2023-24")).Pdf));
        Assert.Contains("How to make a complaint\nWrite to: Complaints Team, County Hall, Northdale ND1 1AA.\nEmail complaints@northdale.gov.uk — we answer <b>every</b> complaint.", text);

        // Without it (the sample), the section is left out rather than printed empty.
        Assert.DoesNotContain("How to make a complaint", string.Join("\n", PdfText.PerPage((await RenderAsync("complaints-annual", "2023-24", null)).Pdf)));
    }

    /// <summary>coverage.md in the quality-statement report: June 2021 is before the sample's findings, actions and scores start.</summary>
    [Fact]
    public async Task The_quality_statement_report_says_which_figures_its_data_does_not_cover_and_names_no_gaps_it_cannot_know()
    {
        var pack = await RenderAsync("quality-statement", "2021-06", "ASSESSING_NEEDS");
        var text = string.Join("\n", PdfText.PerPage(pack.Pdf)).Replace("\n", " ");
        Assert.Contains("Evidence figures are not available for June 2021: findings.csv covers 1 April 2022 to 31 March 2024.", text);
        Assert.Contains("Waiting figures are not available for June 2021: waits.csv covers 1 April 2021 to 31 March 2024.", text);
        // The four figure tiles: evidence coverage and freshness, open actions, actions on time.
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(pack.FinalPrint.Html, "<div class=\"value\">not available</div>"));
        Assert.DoesNotContain("Gaps in the evidence", text);
    }

    [Fact]
    public async Task The_quality_statement_report_names_its_gaps_and_scores_newest_first()
    {
        var pack = await RenderAsync("quality-statement", "2024-01", "ASSESSING_NEEDS");
        var text = string.Join("\n", PdfText.PerPage(pack.Pdf)).Replace("\n", " ");
        Assert.Contains("Assessing needs", text);
        var model = (ReportEngine.Composition.Statement.QualityStatementViewModel)pack.ViewModel;
        Assert.Equal(model.Scores.Select(s => s.AssessedOn).OrderDescending(), model.Scores.Select(s => s.AssessedOn));
        foreach (var gap in model.Gaps) Assert.Contains(gap, text);
        Assert.All(model.OpenActions, a => Assert.Contains(a.Action.Title, text));
    }

    [Fact]
    public async Task A_long_report_is_printed_once_and_its_contents_page_numbers_are_where_its_sections_start()
    {
        using var big = new TempFolder();
        DatasetScaler.Scale(Repo.Sample, big.Path, 120);
        var pack = await fixture.RenderAsync(big.Path, ReportKinds.QualityStatement, "2024-01", QualityStatement.Learning);
        var pages = PdfText.PerPage(pack.Pdf);
        Assert.True(pages.Count > 100, $"{pages.Count} pages");
        // One print, its three-digit numbers written in from its own bookmarks.
        Assert.Equal(1, pack.PrintPasses);
        var contents = PrintedPages.Contents(pack.Pdf);
        Assert.All(contents.Skip(1), c =>
        {
            Assert.Contains($"{c.Title} {c.Page}", pages[1].Replace("\n", " "));
            Assert.Contains(c.Title, pages[c.Page - 1]);
        });
        // Its view model with those numbers is composed only when something reads it, and then has the PDF's numbers.
        Assert.False(pack.Composed.IsValueCreated);
        var model = (ReportEngine.Composition.Statement.QualityStatementViewModel)pack.ViewModel;
        Assert.Equal(contents.Select(c => c.Page), model.Contents.Select(c => c.Page));
    }

    [Fact]
    public async Task A_report_whose_data_prints_a_number_taken_for_a_page_placeholder_is_printed_twice_and_says_so()
    {
        using var data = Repo.CopyOfSample();
        File.AppendAllText(data.File("actions.csv"), "A900,LEARNING,Ticket 2000000001 from the old system,\"Priya Shah, Head of Quality Assurance\",2023-01-01,2023-06-01,,RED\n");
        using var logs = new FakeLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var pack = await fixture.RenderAsync(data.Path, loggers: loggers);

        Assert.Equal(2, pack.PrintPasses);
        var warning = Assert.Single(logs.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Matches("^NDC/monthly/2024-01 has 14 headings and [0-9]+ places, prints a number taken for a page placeholder, or prints a page " +
                       "number formatted; it is printed twice for its page numbers$", warning.Message);
        var pages = PdfText.PerPage(pack.Pdf);
        Assert.Equal(pages.Count, pack.Pages);
        Assert.Contains("Ticket 2000000001 from the old system", pack.FinalPrint.Html);
        Assert.All(PrintedPages.Contents(pack.Pdf).Skip(1), c => Assert.Contains($"{c.Title} {c.Page}", pages[1].Replace("\n", " ")));
        // The attention list's pages are found by the first print too.
        var view = (ReportEngine.Composition.Monthly.MonthlyPackViewModel)pack.ViewModel;
        var places = PrintedPages.Read(pack.Pdf);
        Assert.All(view.Attention.All, item => Assert.Equal(places.Place(item.Place!), item.Page));
    }
}
