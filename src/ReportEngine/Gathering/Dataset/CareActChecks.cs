using ReportEngine.Evidence;
using ReportEngine.Gathering.Csv;

namespace ReportEngine.Gathering.Dataset;

/// <summary>operations.md's rules across rows and files: unique ids, waits that overlap, reviews and enquiries and what they refer to.</summary>
internal sealed class CareActChecks(ErrorList errors)
{
    public void Check(DatasetRows rows)
    {
        var supplied = rows.Supplied;
        var (waits, episodes, reviews) = (rows.Of(CareActTables.Waits), rows.Of(CareActTables.LongTermSupport), rows.Of(CareActTables.Reviews));
        var (concerns, enquiries, dols) = (rows.Of(CareActTables.Concerns), rows.Of(CareActTables.Enquiries), rows.Of(CareActTables.Dols));
        var check = new CrossFileChecks(errors);
        Needs(supplied, CareActEvidence.ReviewsFile, CareActEvidence.LongTermSupportFile);
        Needs(supplied, CareActEvidence.EnquiriesFile, CareActEvidence.ConcernsFile);

        check.Unique(CareActEvidence.WaitsFile, waits, w => w.Id, "id", k => $"id '{k}'");
        NoOverlappingWaits(waits);

        if (supplied.Contains(CareActEvidence.LongTermSupportFile))
            check.References(CareActEvidence.ReviewsFile, reviews, r => r.PersonId, "person_id",
                episodes.Select(e => e.Row.PersonId).ToHashSet(StringComparer.Ordinal), CareActEvidence.LongTermSupportFile);

        check.Unique(CareActEvidence.ConcernsFile, concerns, c => c.Id, "id", k => $"id '{k}'");
        check.Unique(CareActEvidence.EnquiriesFile, enquiries, e => e.Id, "id", k => $"id '{k}'");
        if (supplied.Contains(CareActEvidence.ConcernsFile)) EnquiriesFollowTheirConcerns(concerns, enquiries);

        check.Unique(CareActEvidence.DolsFile, dols, d => d.Id, "id", k => $"id '{k}'");
    }

    private void Needs(IReadOnlySet<string> supplied, string file, string needed)
    {
        if (supplied.Contains(file) && !supplied.Contains(needed))
            errors.Add(new DatasetError(needed, null, null, $"file is missing; {file} needs it (operations.md)"));
    }

    /// <summary>
    /// A wait spans [requested_on, closed_on), to no end while open; two of one person and kind may not overlap, and the
    /// overlap is reported at the later row of the file.
    /// </summary>
    private void NoOverlappingWaits(IReadOnlyList<Lined<Wait>> waits)
    {
        foreach (var group in waits.GroupBy(w => (w.Row.PersonId, w.Row.Kind)).Where(g => g.Skip(1).Any()))
        {
            var earlier = new List<Lined<Wait>>();
            foreach (var wait in group)
            {
                if (earlier.FindIndex(e => Overlap(e.Row, wait.Row)) is >= 0 and var at && earlier[at] is var first)
                    errors.Add(new DatasetError(CareActEvidence.WaitsFile, wait.Line, "requested_on",
                        $"overlaps wait '{first.Row.Id}' (line {first.Line}) of the same person and kind; a duplicate referral is merged into the earliest"));
                earlier.Add(wait);
            }
        }

        static bool Overlap(Wait a, Wait b) => a.RequestedOn < (b.ClosedOn ?? DateOnly.MaxValue) && b.RequestedOn < (a.ClosedOn ?? DateOnly.MaxValue);
    }

    /// <summary>
    /// An enquiry's concern exists and was decided to need one, the enquiry starts on or after that decision, and one
    /// concern has at most one open enquiry: reopened work starts after the earlier row concluded.
    /// </summary>
    private void EnquiriesFollowTheirConcerns(IReadOnlyList<Lined<SafeguardingConcern>> concerns, IReadOnlyList<Lined<SafeguardingEnquiry>> enquiries)
    {
        var byId = new Dictionary<string, SafeguardingConcern>(StringComparer.Ordinal);
        foreach (var concern in concerns) byId.TryAdd(concern.Row.Id, concern.Row);
        var file = CareActEvidence.EnquiriesFile;
        foreach (var (line, enquiry) in enquiries)
        {
            if (!byId.TryGetValue(enquiry.ConcernId, out var concern))
                errors.Add(new DatasetError(file, line, "concern_id", $"'{enquiry.ConcernId}' is not in {CareActEvidence.ConcernsFile}"));
            else if (concern.Decision is not (ConcernDecision.S42Enquiry or ConcernDecision.OtherEnquiry))
                errors.Add(new DatasetError(file, line, "concern_id",
                    $"concern '{concern.Id}' was {(concern.Decision is { } d ? $"decided {CodeNames.ToCode(d)}" : "not decided")}, not S42_ENQUIRY or OTHER_ENQUIRY"));
            else if (enquiry.StartedOn < concern.DecidedOn)
                errors.Add(new DatasetError(file, line, "started_on", $"is before concern '{concern.Id}' was decided ({concern.DecidedOn:yyyy-MM-dd})"));
        }

        foreach (var group in enquiries.GroupBy(e => e.Row.ConcernId, StringComparer.Ordinal).Where(g => g.Skip(1).Any()))
        {
            var earlier = new List<Lined<SafeguardingEnquiry>>();
            foreach (var enquiry in group)
            {
                // Reported at the later row of the file, naming the earlier row, whichever of the two started first.
                if (earlier.FindIndex(e => !OneAfterTheOther(e.Row, enquiry.Row)) is >= 0 and var at && earlier[at] is var other)
                    errors.Add(new DatasetError(file, enquiry.Line, "started_on", Clash($"enquiry '{other.Row.Id}' (line {other.Line})", other.Row, enquiry.Row)));
                earlier.Add(enquiry);
            }
        }

        static string Clash(string named, SafeguardingEnquiry other, SafeguardingEnquiry row) =>
            other.StartedOn <= row.StartedOn
                ? other.ConcludedOn is { } concluded
                    ? $"is not after {named} of the same concern concluded ({concluded:yyyy-MM-dd}); reopened work starts after it"
                    : $"{named} of the same concern is open then; one concern has at most one open enquiry"
                : row.ConcludedOn is { } ended
                    ? $"{named} of the same concern starts before this one concluded ({ended:yyyy-MM-dd}); reopened work starts after it"
                    : $"{named} of the same concern starts while this one is open; one concern has at most one open enquiry";

        static bool OneAfterTheOther(SafeguardingEnquiry a, SafeguardingEnquiry b)
        {
            var (first, second) = a.StartedOn <= b.StartedOn ? (a, b) : (b, a);
            return first.ConcludedOn is { } concluded && second.StartedOn > concluded;
        }
    }
}
