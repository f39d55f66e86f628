using ReportEngine.Evidence;
using ReportEngine.Gathering;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Gathering;

/// <summary>operations.md's files: optional, validated like the rest of the contract, all or nothing.</summary>
public class CareActValidationTests
{
    private static Task<IReadOnlyList<string>> ErrorsOf(TempFolder folder) => DatasetValidationTests.ErrorsOf(folder);

    private static void Write(TempFolder folder, string file, params string[] lines) => File.WriteAllLines(folder.File(file), lines);

    [Fact]
    public async Task The_sample_has_all_six_files_and_a_dataset_without_them_is_still_valid()
    {
        var sample = (await new DatasetFolderSource(Repo.Sample).GatherAsync()).Evidence.Operations;
        Assert.All(sample.Files, f => Assert.True(f.Supplied, f.File));

        using var folder = Repo.CopyOfSample();
        foreach (var (file, _) in sample.Files) File.Delete(folder.File(file));
        File.Delete(folder.File("coverage.csv")); // which names them
        var gathered = await new DatasetFolderSource(folder.Path).GatherAsync();
        Assert.Null(gathered.Evidence.CareAct);
    }

    [Fact]
    public async Task Reviews_without_long_term_support_and_enquiries_without_concerns_name_the_missing_file()
    {
        using var folder = Repo.CopyOfSample();
        File.Delete(folder.File(CareActEvidence.LongTermSupportFile));
        File.Delete(folder.File(CareActEvidence.ConcernsFile));
        var errors = await ErrorsOf(folder);
        Assert.Contains("long_term_support.csv: file is missing; reviews.csv needs it (operations.md)", errors);
        Assert.Contains("safeguarding_concerns.csv: file is missing; safeguarding_enquiries.csv needs it (operations.md)", errors);
    }

    [Fact]
    public async Task Waits_that_overlap_are_refused_at_the_later_row_and_one_starting_the_day_another_closed_is_not_an_overlap()
    {
        using var folder = Repo.CopyOfSample();
        Write(folder, CareActEvidence.WaitsFile,
            "id,person_id,kind,requested_on,started_on,closed_on,close_reason",
            "W1,P1,CARE_ACT_ASSESSMENT,2023-01-01,2023-02-01,2023-03-01,COMPLETED",
            "W2,P1,CARE_ACT_ASSESSMENT,2023-03-01,,,",                     // requested the day W1 closed: fine
            "W3,P1,CARE_ACT_ASSESSMENT,2023-05-01,,,",                     // W2 is still open: a duplicate referral
            "W4,P1,OT_ASSESSMENT,2023-05-01,,,",                           // another kind: fine
            "W5,P2,CARE_ACT_ASSESSMENT,2023-05-01,2023-04-01,,",           // started before requested
            "W6,P2,CARER_ASSESSMENT,2023-05-01,,2023-06-01,COMPLETED",     // completed, never started
            "W7,P2,REVIEW,2023-05-01,2023-05-02,,WITHDRAWN",               // a reason without closed_on
            "W1,P3,REVIEW,2023-05-01,,,");
        var errors = await ErrorsOf(folder);
        Assert.Equal(
        [
            "waits.csv:4: requested_on: overlaps wait 'W2' (line 3) of the same person and kind; a duplicate referral is merged into the earliest",
            "waits.csv:6: started_on: is before requested_on",
            "waits.csv:7: close_reason: is COMPLETED but started_on is empty",
            "waits.csv:8: close_reason: is set but closed_on is empty",
            "waits.csv:9: id: duplicate id 'W1' (first on line 2)",
        ], errors.Where(e => e.StartsWith("waits.csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Enquiries_follow_a_decided_concern_and_a_concern_has_at_most_one_open_enquiry()
    {
        using var folder = Repo.CopyOfSample();
        Write(folder, CareActEvidence.ConcernsFile,
            "id,person_id,received_on,decided_on,decision",
            "C1,P1,2023-01-01,2023-01-05,S42_ENQUIRY",
            "C2,P2,2023-01-01,2023-01-05,NO_ENQUIRY",
            "C3,P3,2023-01-01,,",
            "C4,P4,2023-01-10,2023-01-05,S42_ENQUIRY");
        Write(folder, CareActEvidence.EnquiriesFile,
            "id,concern_id,started_on,concluded_on,outcomes_asked,outcomes_achieved,risk,action_taken,risk_outcome",
            "E1,C1,2023-01-06,2023-03-01,ASKED_EXPRESSED,FULLY,IDENTIFIED,true,REDUCED",
            "E2,C1,2023-03-02,,,,,,",                                            // reopened after E1 concluded: fine
            "E3,C1,2023-04-01,,,,,,",                                            // E2 is open
            "E4,C2,2023-01-06,,,,,,",                                            // concern decided NO_ENQUIRY
            "E5,C3,2023-01-06,,,,,,",                                            // concern undecided
            "E6,NOPE,2023-01-06,,,,,,",
            "E7,C1,2023-01-04,,,,,,",                                            // before the decision
            "E8,C1,2023-05-01,2023-06-01,ASKED_NOT_EXPRESSED,FULLY,IDENTIFIED,true,",
            "E9,C1,2023-05-01,2023-06-01,NOT_ASKED,,NONE,,");
        var errors = (await ErrorsOf(folder)).Where(e => e.StartsWith("safeguarding", StringComparison.Ordinal)).ToList();
        Assert.Contains("safeguarding_concerns.csv:5: decided_on: is before received_on", errors);
        Assert.Contains("safeguarding_enquiries.csv:4: started_on: enquiry 'E2' (line 3) of the same concern is open then; one concern has at most one open enquiry", errors);
        Assert.Contains("safeguarding_enquiries.csv:5: concern_id: concern 'C2' was decided NO_ENQUIRY, not S42_ENQUIRY or OTHER_ENQUIRY", errors);
        Assert.Contains("safeguarding_enquiries.csv:6: concern_id: concern 'C3' was not decided, not S42_ENQUIRY or OTHER_ENQUIRY", errors);
        Assert.Contains("safeguarding_enquiries.csv:7: concern_id: 'NOPE' is not in safeguarding_concerns.csv", errors);
        Assert.Contains("safeguarding_enquiries.csv:8: started_on: is before concern 'C1' was decided (2023-01-05)", errors);
        // E7 started before E1 (line 2) but comes later in the file: reported at E7, naming E1, never itself.
        Assert.Contains("safeguarding_enquiries.csv:8: started_on: enquiry 'E1' (line 2) of the same concern starts while this one is open; one concern has at most one open enquiry", errors);
        Assert.DoesNotContain(errors, e => e.Contains("'E7' (line 8)", StringComparison.Ordinal));
        Assert.Contains("safeguarding_enquiries.csv:9: outcomes_achieved: is set but outcomes_asked is not ASKED_EXPRESSED", errors);
        Assert.Contains("safeguarding_enquiries.csv:9: risk_outcome: is empty but risk is IDENTIFIED and action_taken is true", errors);
        Assert.Contains("safeguarding_enquiries.csv:10: action_taken: is empty but concluded_on is set", errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("safeguarding_enquiries.csv:3:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reviews_name_people_in_long_term_support_and_DoLS_outcomes_come_with_sign_off()
    {
        using var folder = Repo.CopyOfSample();
        Write(folder, CareActEvidence.LongTermSupportFile, "person_id,setting,start_date,end_date", "P1,COMMUNITY,2022-01-01,2021-12-31");
        Write(folder, CareActEvidence.ReviewsFile, "person_id,completed_on,planned", "P1,2023-01-01,true", "P9,2023-01-01,maybe");
        Write(folder, CareActEvidence.DolsFile, "id,person_id,received_on,urgent,signed_off_on,outcome",
            "D1,P1,2023-01-01,false,2023-01-20,", "D2,P1,2023-01-01,true,,GRANTED", "D3,P1,2023-01-01,false,2022-12-01,CLOSED_DIED");
        var errors = await ErrorsOf(folder);
        Assert.Contains("long_term_support.csv:2: end_date: is before start_date", errors);
        Assert.Contains("reviews.csv:3: planned: 'maybe' is not true or false", errors);
        Assert.Contains("dols_applications.csv:2: outcome: is empty but signed_off_on is set", errors);
        Assert.Contains("dols_applications.csv:3: outcome: is set but signed_off_on is empty", errors);
        Assert.Contains("dols_applications.csv:4: signed_off_on: is before received_on", errors);
    }

    [Fact]
    public async Task A_review_of_someone_never_in_long_term_support_is_refused()
    {
        using var folder = Repo.CopyOfSample();
        File.AppendAllText(folder.File(CareActEvidence.ReviewsFile), "NOBODY,2023-06-01,true\n");
        var errors = await ErrorsOf(folder);
        Assert.Single(errors);
        Assert.Matches(@"^reviews\.csv:\d+: person_id: 'NOBODY' is not in long_term_support\.csv$", errors[0]);
    }
}
