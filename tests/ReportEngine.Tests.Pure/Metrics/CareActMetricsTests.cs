using ReportEngine.Evidence;
using ReportEngine.Metrics;
using static ReportEngine.Tests.Support.EvidenceBuilder;

namespace ReportEngine.Tests.Metrics;

/// <summary>operations.md's figures, one settled pitfall per test.</summary>
public class CareActMetricsTests
{
    private static readonly ReportingPeriod January2024 = new(2024, 1);

    private static Wait W(string requested, string? started = null, string? closed = null, WaitCloseReason? reason = null,
        WaitKind kind = WaitKind.CareActAssessment, string person = "P1") =>
        new($"W{requested}{started}{closed}", person, kind, D(requested), started is null ? null : D(started), closed is null ? null : D(closed),
            reason ?? (closed is null ? null : WaitCloseReason.Completed));

    private static WaitsOfKind CareAct(params Wait[] waits) => WaitMetrics.Compute(waits, January2024).Of(WaitKind.CareActAssessment);

    [Fact]
    public void The_clock_starts_at_first_receipt_and_stops_when_the_assessment_starts_not_at_sign_off()
    {
        var m = CareAct(
            W("2023-12-01"),                                            // waiting 61 days at 31 January
            W("2023-11-01", started: "2024-01-31", closed: "2024-03-01"), // started on E: no longer waiting, though not yet signed off
            W("2023-11-01", started: "2024-02-01"));                      // starts after E: still waiting at E, 91 days
        Assert.Equal(2, m.Waiting);
        Assert.Equal(91, m.LongestDaysWaiting);
        Assert.Equal((61 + 91) / 2.0, m.MedianDaysWaiting);
        Assert.Equal(91, m.MedianDaysToStart12m);                         // time to start: 1 November to 31 January
    }

    [Fact]
    public void People_who_died_or_moved_while_waiting_are_closed_unstarted_and_left_out_of_time_to_start()
    {
        var m = CareAct(
            W("2023-06-01", closed: "2023-09-01", reason: WaitCloseReason.Died),
            W("2023-06-01", closed: "2023-10-01", reason: WaitCloseReason.MovedAway),
            W("2023-06-01", started: "2023-06-11", closed: "2023-07-01"));
        Assert.Equal(2, m.ClosedUnstarted12m);
        Assert.Equal(1, m.DiedUnstarted12m);
        Assert.Equal(10, m.MedianDaysToStart12m);
        Assert.Equal(0, m.Waiting);
    }

    [Theory]
    [InlineData("2023-07-31", 2024, 1, 0)] // + 6 months = 31 January: not over on 31 January
    [InlineData("2023-07-30", 2024, 1, 1)]
    [InlineData("2023-08-31", 2024, 2, 0)] // + 6 months = 29 February 2024 (the shorter month's last day)
    [InlineData("2023-08-28", 2024, 2, 1)]
    public void Over_six_months_is_by_calendar_months(string requested, int year, int month, int over)
    {
        var m = WaitMetrics.Compute([W(requested)], new ReportingPeriod(year, month)).Of(WaitKind.CareActAssessment);
        Assert.Equal(over, m.OverSixMonths);
    }

    [Fact]
    public void Every_kind_is_present_and_a_kind_with_no_one_waiting_has_null_medians()
    {
        var m = WaitMetrics.Compute([W("2024-01-10")], January2024);
        var keys = m.ByKey().ToDictionary(k => k.Key, k => k.Value);
        Assert.Equal(35, keys.Count);
        Assert.Equal(new CountValue(0), keys["waits.waiting.CARER_ASSESSMENT"]);
        Assert.Equal(new NumberValue(null), keys["waits.median_days_waiting.CARER_ASSESSMENT"]);
        Assert.Equal(new NumberValue(null), keys["waits.longest_days_waiting.OT_ASSESSMENT"]);
        Assert.Equal(new NumberValue(21), keys["waits.median_days_waiting.CARE_ACT_ASSESSMENT"]);
    }

    [Fact]
    public void Medians_of_even_counts_are_the_mean_of_the_middle_two()
    {
        var m = CareAct(W("2024-01-30", person: "A"), W("2024-01-27", person: "B"), W("2024-01-20", person: "C"), W("2024-01-01", person: "D"));
        Assert.Equal((4 + 11) / 2.0, m.MedianDaysWaiting); // 1, 4, 11, 30 days
    }

    private static SupportEpisode Episode(string person, string start, string? end = null) =>
        new(person, SupportSetting.Community, D(start), end is null ? null : D(end));

    [Theory]
    [InlineData("2023-01-31", false)] // on E − 12 months: not after it
    [InlineData("2023-02-01", true)]
    [InlineData("2024-01-31", true)]  // on E
    [InlineData("2024-02-01", false)] // after E: has not happened yet
    public void A_review_counts_after_E_minus_twelve_months_up_to_E(string completed, bool reviewed)
    {
        var m = ReviewMetrics.Compute([Episode("P1", "2020-01-01")], [new SupportReview("P1", D(completed), Planned: true)], January2024);
        Assert.Equal((reviewed ? 1m : 0m, 1m), (m.Reviewed12m.Numerator, m.Reviewed12m.Denominator));
        Assert.Equal(reviewed ? 0 : 1, m.Overdue);
    }

    [Fact]
    public void In_support_for_a_year_means_every_day_covered_and_a_move_sharing_a_day_is_not_a_break()
    {
        SupportEpisode[] episodes =
        [
            Episode("MOVED", "2020-01-01", "2023-06-10"), Episode("MOVED", "2023-06-10"),           // home care to a care home on one day
            Episode("NEXT_DAY", "2020-01-01", "2023-06-10"), Episode("NEXT_DAY", "2023-06-11"),     // the next day: still every day
            Episode("GAP", "2020-01-01", "2023-06-10"), Episode("GAP", "2023-06-12"),               // one day without support
            Episode("NEW", "2023-02-01"),                                                            // started after E − 12 months
            Episode("FROM", "2023-01-31"),                                                           // from E − 12 months exactly
            Episode("ENDED", "2020-01-01", "2024-01-30"),                                            // ended before E
        ];
        var m = ReviewMetrics.Compute(episodes, [new SupportReview("MOVED", D("2023-09-01"), Planned: false)], January2024);
        Assert.Equal(3m, m.Reviewed12m.Denominator); // MOVED, NEXT_DAY, FROM
        Assert.Equal(1m, m.Reviewed12m.Numerator);   // an unplanned review counts
        Assert.Equal(2, m.Overdue);
    }

    [Fact]
    public void In_support_for_a_year_on_the_29th_of_February_starts_on_the_28th_of_February()
    {
        var m = ReviewMetrics.Compute([Episode("P1", "2023-02-28"), Episode("P2", "2023-03-01")], [], new ReportingPeriod(2024, 2));
        Assert.Equal(1m, m.Reviewed12m.Denominator);
    }

    private static SafeguardingConcern Concern(string id, string received, string? decided = null, ConcernDecision? decision = null, string person = "P1") =>
        new(id, person, D(received), decided is null ? null : D(decided), decided is null ? null : decision ?? ConcernDecision.S42Enquiry);

    [Fact]
    public void Conversion_is_over_concerns_decided_in_the_year_and_undecided_ones_are_shown_apart()
    {
        SafeguardingConcern[] concerns =
        [
            Concern("C1", "2022-12-20", "2023-02-03", ConcernDecision.S42Enquiry, "A"),  // received before R12, decided in it
            Concern("C2", "2023-05-01", "2023-05-03", ConcernDecision.NoEnquiry, "B"),
            Concern("C3", "2023-06-01", "2023-06-02", ConcernDecision.OtherEnquiry, "C"),
            Concern("C4", "2024-01-20", null, null, "D"),                               // undecided at E
            Concern("C5", "2024-01-25", "2024-02-02", ConcernDecision.S42Enquiry, "E"),   // decided after E: undecided at E
        ];
        var m = SafeguardingMetrics.Compute(concerns, null, 612_400, January2024);
        Assert.Equal((1m, 3m), (m.Conversion12m.Numerator, m.Conversion12m.Denominator));
        Assert.Equal(2, m.UndecidedAtEnd);
        Assert.Equal(4, m.Concerns12m);
        Assert.Equal(4 * 100000.0 / 612_400, m.ConcernsPer100k12m);
        Assert.Equal(2, m.MedianDaysToDecision12m); // 45, 2, 1 days
        Assert.Null(m.Enquiries);
    }

    [Fact]
    public void Concerns_per_100000_are_per_adult_when_the_dataset_gives_its_adult_population_and_per_resident_otherwise()
    {
        var evidence = new Support.EvidenceBuilder().Build() with
        {
            CareAct = new CareActEvidence(Concerns: [Concern("C1", "2023-05-01", null, null, "A"), Concern("C2", "2023-06-01", null, null, "B")]),
        };
        var residents = CareActMetrics.Compute(evidence, January2024).Safeguarding!;
        Assert.Equal(2 * 100000.0 / 200_000, residents.ConcernsPer100k12m);
        Assert.False(residents.PerAdults);

        var adults = CareActMetrics.Compute(evidence with { Authority = evidence.Authority with { AdultPopulation = 160_000 } }, January2024).Safeguarding!;
        Assert.Equal(2 * 100000.0 / 160_000, adults.ConcernsPer100k12m);
        Assert.True(adults.PerAdults);
    }

    [Fact]
    public void A_repeat_is_a_concern_about_someone_with_another_in_the_twelve_months_before_that_day()
    {
        SafeguardingConcern[] concerns =
        [
            Concern("A1", "2023-03-10", person: "A"), Concern("A2", "2023-03-10", person: "A"),   // the same day: not repeats of each other
            Concern("B1", "2022-06-15", person: "B"), Concern("B2", "2023-06-15", person: "B"),   // exactly 12 months before: a repeat
            Concern("C1", "2022-06-14", person: "C"), Concern("C2", "2023-06-15", person: "C"),   // a day more: not
        ];
        var m = SafeguardingMetrics.Compute(concerns, null, 1000, January2024);
        Assert.Equal((1m, 4m), (m.RepeatConcerns12m.Numerator, m.RepeatConcerns12m.Denominator));
    }

    private static SafeguardingEnquiry Enquiry(string id, string concern, string started, string? concluded = null,
        OutcomesAsked asked = OutcomesAsked.AskedExpressed, OutcomesAchieved? achieved = OutcomesAchieved.Fully,
        EnquiryRisk risk = EnquiryRisk.Identified, bool action = true, RiskOutcome? outcome = RiskOutcome.Reduced) =>
        concluded is null
            ? new(id, concern, D(started), null, null, null, null, null, null)
            : new(id, concern, D(started), D(concluded), asked, asked == OutcomesAsked.AskedExpressed ? achieved : null, risk, action,
                risk == EnquiryRisk.Identified && action ? outcome : null);

    [Fact]
    public void Only_section_42_enquiries_count_and_a_reopened_enquiry_is_a_second_row()
    {
        SafeguardingConcern[] concerns =
        [
            Concern("S", "2023-02-01", "2023-02-02", ConcernDecision.S42Enquiry),
            Concern("O", "2023-02-01", "2023-02-02", ConcernDecision.OtherEnquiry, "P2"),
            Concern("L1", "2023-04-01", "2023-04-01", ConcernDecision.S42Enquiry, "P3"),  // a large-scale concern: one row per adult
            Concern("L2", "2023-04-01", "2023-04-01", ConcernDecision.S42Enquiry, "P4"),
        ];
        SafeguardingEnquiry[] enquiries =
        [
            Enquiry("E1", "S", "2023-02-05", "2023-04-06"),                 // 60 days
            Enquiry("E2", "S", "2023-05-01", "2023-07-20"),                 // reopened: 80 days
            Enquiry("E3", "O", "2023-02-05", "2023-03-01"),                 // another enquiry: not S42
            Enquiry("E4", "L1", "2023-04-03"),                              // open at E, over six months
            Enquiry("E5", "L2", "2023-04-03", "2024-02-10"),                // concluded after E: open at E
        ];
        var s = SafeguardingMetrics.Compute(concerns, enquiries, 1000, January2024).Enquiries!;
        Assert.Equal(4, s.Started12m);
        Assert.Equal(2, s.Concluded12m);
        Assert.Equal(70, s.MedianDaysToConclude12m);
        Assert.Equal(2, s.OpenAtEnd);
        Assert.Equal(2, s.OpenOverSixMonths);
    }

    [Fact]
    public void Making_Safeguarding_Personal_keeps_not_recorded_in_the_asked_denominator()
    {
        SafeguardingConcern[] concerns = [Concern("S", "2023-02-01", "2023-02-02")];
        SafeguardingEnquiry[] enquiries =
        [
            Enquiry("E1", "S", "2023-02-03", "2023-03-01", OutcomesAsked.AskedExpressed, OutcomesAchieved.Partially, outcome: RiskOutcome.Removed),
            Enquiry("E2", "S", "2023-03-05", "2023-04-01", OutcomesAsked.AskedExpressed, OutcomesAchieved.NotAchieved, outcome: RiskOutcome.Remains),
            Enquiry("E3", "S", "2023-04-05", "2023-05-01", OutcomesAsked.AskedNotExpressed, risk: EnquiryRisk.None),
            Enquiry("E4", "S", "2023-05-05", "2023-06-01", OutcomesAsked.NotRecorded, action: false),
            Enquiry("E5", "S", "2023-06-05", "2023-07-01", OutcomesAsked.NotAsked, risk: EnquiryRisk.Inconclusive),
        ];
        var s = SafeguardingMetrics.Compute(concerns, enquiries, 1000, January2024).Enquiries!;
        Assert.Equal((3m, 5m), (s.MspAsked12m.Numerator, s.MspAsked12m.Denominator));
        Assert.Equal((1m, 2m), (s.MspAchieved12m.Numerator, s.MspAchieved12m.Denominator));
        Assert.Equal((1m, 2m), (s.RiskReducedOrRemoved12m.Numerator, s.RiskReducedOrRemoved12m.Denominator)); // E4 took no action: no risk outcome
    }

    private static DolsApplication Dols(string received, string? signedOff, DolsOutcome? outcome, bool urgent = false) =>
        new($"D{received}{signedOff}{outcome}{urgent}", "P1", D(received), urgent, signedOff is null ? null : D(signedOff), outcome);

    [Fact]
    public void DoLS_closures_are_not_decisions_and_urgent_applications_are_outside_the_21_day_measure()
    {
        DolsApplication[] applications =
        [
            Dols("2023-03-01", "2023-03-22", DolsOutcome.Granted),                 // 21 days: within
            Dols("2023-03-01", "2023-03-23", DolsOutcome.NotGranted),              // 22 days: not
            Dols("2023-03-01", "2023-03-05", DolsOutcome.Granted, urgent: true),   // urgent: a decision, outside the measure
            Dols("2023-03-01", "2023-03-04", DolsOutcome.ClosedDied),               // closed: not a decision
            Dols("2023-03-01", "2023-03-10", DolsOutcome.ClosedWithdrawn),
            Dols("2022-12-01", null, null),                                         // not completed: 426 days at E
            Dols("2023-12-01", "2024-02-01", DolsOutcome.Granted, urgent: true),   // signed off after E: not completed at E
        ];
        var m = DolsMetrics.Compute(applications, January2024);
        Assert.Equal(3, m.Decided12m);
        Assert.Equal(2, m.ClosedWithoutDecision12m);
        Assert.Equal((1m, 2m), (m.Within21Days12m.Numerator, m.Within21Days12m.Denominator));
        Assert.Equal(21, m.MedianDaysToDecide12m); // 21, 22 and 4 days: urgent ones are in the median
        Assert.Equal(2, m.NotCompletedAtEnd);
        Assert.Equal(426, m.LongestWaitDays);
        Assert.Equal((6, 2), (m.Received12m, m.UrgentReceived12m));
    }

    [Fact]
    public void A_key_is_present_only_when_every_file_it_uses_is()
    {
        var none = PackMetrics.Compute(new Support.EvidenceBuilder().Build(), January2024).ByKey().Select(k => k.Key).ToList();
        Assert.DoesNotContain(none, k => k.StartsWith("waits.", StringComparison.Ordinal) || k.StartsWith("dols.", StringComparison.Ordinal)
            || k.StartsWith("reviews.", StringComparison.Ordinal) || k.StartsWith("safeguarding.", StringComparison.Ordinal));

        var concernsOnly = new Support.EvidenceBuilder().Build() with { CareAct = new CareActEvidence(Concerns: [Concern("C1", "2023-05-01")]) };
        var keys = PackMetrics.Compute(concernsOnly, January2024).ByKey().Select(k => k.Key).ToList();
        Assert.Contains("safeguarding.conversion_pct_12m", keys);
        Assert.Contains("safeguarding.repeat_concern_pct_12m", keys);
        Assert.DoesNotContain("safeguarding.s42_open_at_end", keys);
        Assert.DoesNotContain("reviews.reviewed_12m_pct", keys);

        var trends = MonthlyFigures.Compute(concernsOnly, January2024).ByKey().Select(k => k.Key).ToList();
        Assert.Contains("trend.complaints.received_12m.2024-01", trends);
        Assert.DoesNotContain("trend.safeguarding.s42_open_at_end.2024-01", trends);
    }

    [Fact]
    public void Directions_follow_operations_md()
    {
        Assert.Equal(Better.Lower, MetricDirection.Of("waits.median_days_to_start_12m.OT_ASSESSMENT", null));
        Assert.Null(MetricDirection.Of("waits.closed_unstarted_12m.OT_ASSESSMENT", null));
        Assert.Null(MetricDirection.Of("waits.died_unstarted_12m.REVIEW", null));
        Assert.Equal(Better.Higher, MetricDirection.Of("reviews.reviewed_12m_pct", null));
        Assert.Null(MetricDirection.Of("safeguarding.conversion_pct_12m", null));
        Assert.Equal("better", MetricDirection.Word("dols.not_completed_at_end", 900, 1200, null));
        Assert.Null(MetricCatalog.WhyNotATargetKey("waits.waiting.CARE_ACT_ASSESSMENT"));
        Assert.Null(MetricCatalog.WhyNotATargetKey("dols.within_21d_pct_12m"));
    }
}
