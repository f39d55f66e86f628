using ReportEngine.Composition.CareAct;
using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Tests.Metrics;

/// <summary>The sentences operations.md gives, made from figures like its examples'.</summary>
public class CareActSentenceTests
{
    private static readonly ReportingPeriod January2024 = new(2024, 1);

    [Fact]
    public void Waiting_reads_as_operations_md_and_says_no_one_when_no_one_waits()
    {
        Assert.Equal("On 31 January 2024, 412 people were waiting for a Care Act assessment: half had waited 38 days or more, the longest 287 days, and 41 more than six months.",
            CareActSentences.Waiting(new WaitsOfKind(WaitKind.CareActAssessment, 412, 38, 287, 41, 30, 5, 1), January2024.End));
        Assert.Equal("No one was waiting for a carer's assessment on 31 January 2024.",
            CareActSentences.Waiting(new WaitsOfKind(WaitKind.CarerAssessment, 0, null, null, 0, null, 0, 0), January2024.End));
        Assert.Equal("On 31 January 2024, 2 people were waiting for a financial assessment: half had waited 12.5 days or more, the longest 20 days, and none more than six months.",
            CareActSentences.Waiting(new WaitsOfKind(WaitKind.FinancialAssessment, 2, 12.5, 20, 0, null, 0, 0), January2024.End));
        Assert.Equal("On 31 January 2024, 1 person was waiting for an occupational therapy assessment, for 1 day.",
            CareActSentences.Waiting(new WaitsOfKind(WaitKind.OtAssessment, 1, 1, 1, 0, null, 0, 0), January2024.End));
    }

    [Fact]
    public void Reviews_read_as_operations_md()
    {
        Assert.Equal("Of 3,120 people in long-term support for a year, 2,465 (79.0%) were reviewed in the last 12 months.",
            CareActSentences.Reviewed(new ReviewMetrics(Ratio.Percent(2465, 3120))));
    }

    [Fact]
    public void Safeguarding_reads_as_operations_md_and_stops_where_the_enquiries_file_is_missing()
    {
        var enquiries = new EnquiryMetrics(720, 701, 62, 89, 12, Ratio.Percent(812, 1000), Ratio.Percent(940, 1000), Ratio.Percent(1, 2));
        var m = new SafeguardingMetrics(2310, 377.2, Ratio.Percent(385, 1000), 2, 14, Ratio.Percent(1, 10), enquiries);
        Assert.Equal("2,310 safeguarding concerns were received between February 2023 and January 2024; 38.5% of those decided led to a section 42 enquiry. " +
                     "701 enquiries concluded (median 62 days); 89 were open on 31 January 2024, 12 for over six months. " +
                     "People were asked what they wanted in 81.2%; where they said, it was fully or partially achieved in 94.0%.",
            CareActSentences.Safeguarding(m, January2024));
        Assert.Equal("2,310 safeguarding concerns were received between February 2023 and January 2024; 38.5% of those decided led to a section 42 enquiry.",
            CareActSentences.Safeguarding(m with { Enquiries = null }, January2024));
    }

    [Fact]
    public void DoLS_reads_as_operations_md()
    {
        var m = new DolsMetrics(3500, 900, 1204, 402, 2000, 1130, 80, Ratio.Percent(221, 1000));
        Assert.Equal("1,204 DoLS applications were not completed on 31 January 2024, the oldest received 402 days earlier. " +
                     "22.1% of standard applications decided in the last 12 months met the 21-day statutory timeframe; 1,130 more were closed without a decision.",
            CareActSentences.Dols(m, January2024.End));
    }

    [Fact]
    public void A_section_names_each_file_not_supplied_in_one_sentence()
    {
        Assert.Null(CareActSentences.NotSupplied([("waits.csv", true)]));
        Assert.Equal("This section has no figures from waits.csv, which was not supplied.", CareActSentences.NotSupplied([("waits.csv", false), ("reviews.csv", true)]));
        Assert.Equal("This section has no figures from safeguarding_concerns.csv, safeguarding_enquiries.csv or dols_applications.csv, which were not supplied.",
            CareActSentences.NotSupplied([("safeguarding_concerns.csv", false), ("safeguarding_enquiries.csv", false), ("dols_applications.csv", false)]));
    }

    [Fact]
    public void The_pack_prints_both_sections_without_any_operations_file_and_names_the_files()
    {
        var evidence = new Support.EvidenceBuilder().Build();
        var figures = PackMetrics.Compute(evidence, January2024);
        var view = CareActView.Of(figures.CareAct, figures.CareAct, January2024, evidence.Operations);
        Assert.Null(view.AssessingNeeds.Waits);
        Assert.Equal("This section has no figures from waits.csv, long_term_support.csv or reviews.csv, which were not supplied.", view.AssessingNeeds.NotSupplied);
        Assert.Null(view.Safeguarding.Now);
        Assert.Contains("dols_applications.csv", view.Safeguarding.NotSupplied);
    }
}
