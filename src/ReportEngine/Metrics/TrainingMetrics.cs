using System.Runtime.InteropServices;
using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>Training figures: requirements of staff active at E, their compliance, and completions.</summary>
public sealed record TrainingMetrics(
    Ratio Compliance,
    IReadOnlyList<Breakdown<CourseCategory>> ComplianceByCategory,
    IReadOnlyList<Breakdown<string>> ComplianceByTeam,
    int Overdue,
    int SpecialistCompletionsMonth,
    int SpecialistCompletions12m,
    IReadOnlyList<NamedCount> SpecialistCompletions12mByServiceArea,
    Ratio HoursPerFte12m)
{
    public static TrainingMetrics Compute(EvidenceSet evidence, ReportingPeriod period)
    {
        var e = period.End;
        var (courses, completionsByStaff, requirementsByRole, specialist, staffById) = TrainingIndex.Of(evidence);
        var active = evidence.Staff.Where(s => s.IsActiveOn(e)).ToList();
        var activeIds = active.Select(s => s.StaffId).ToHashSet();

        // Each requirement due by E of each person active at E, and whether a completion of its course meets it, counted
        // as it is found: a list of hundreds of thousands of requirements, grouped twice over, cost more than the tests.
        var all = new Tally();
        var byCategory = new Dictionary<CourseCategory, Tally>();
        var byTeam = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var s in active)
        {
            var completions = completionsByStaff[s.StaffId];
            foreach (var r in requirementsByRole[s.JobRole])
            {
                if (CalendarEnds.AddDays(s.StartDate, r.DueDaysFromStart) > e) continue;
                var course = courses[r.CourseCode];
                var met = Met(completions, course, e);
                all.Add(met);
                CollectionsMarshal.GetValueRefOrAddDefault(byCategory, course.Category, out _).Add(met);
                CollectionsMarshal.GetValueRefOrAddDefault(byTeam, s.Team, out _).Add(met);
            }
        }

        var specialistR12 = specialist.Where(t => period.InR12(t.CompletedDate)).ToList();

        return new TrainingMetrics(
            Compliance: all.Percent,
            ComplianceByCategory: byCategory.OrderBy(c => c.Key).Select(c => new Breakdown<CourseCategory>(c.Key, c.Value.Percent)).ToList(),
            ComplianceByTeam: byTeam.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Breakdown<string>(t.Key, t.Value.Percent)).ToList(),
            Overdue: all.Due - all.Met,
            SpecialistCompletionsMonth: specialist.Count(t => period.InMonth(t.CompletedDate)),
            SpecialistCompletions12m: specialistR12.Count,
            SpecialistCompletions12mByServiceArea: specialistR12
                .GroupBy(t => staffById[t.StaffId].ServiceArea, StringComparer.Ordinal)
                .Select(g => new NamedCount(g.Key, g.Count()))
                .OrderByDescending(n => n.Count).ThenBy(n => n.Name, StringComparer.Ordinal).ToList(),
            HoursPerFte12m: Ratio.Plain(
                evidence.Training.Where(t => period.InR12(t.CompletedDate) && activeIds.Contains(t.StaffId)).Sum(t => t.Hours ?? 0),
                active.Sum(s => s.Fte)));
    }

    /// <summary>How many requirements were due, and how many of them were met.</summary>
    private struct Tally
    {
        public int Due;
        public int Met;

        public void Add(bool met)
        {
            Due++;
            if (met) Met++;
        }

        public readonly Ratio Percent => Ratio.Percent(Met, Due);
    }

    /// <summary>Whether one of a person's completions of <paramref name="course"/> is done by <paramref name="e"/> and not expired at it.</summary>
    private static bool Met(ReadOnlySpan<TrainingCompletion> completions, Course course, DateOnly e)
    {
        foreach (var t in completions)
            if (t.CourseCode == course.Code && t.CompletedDate <= e && (Expiry(t, course) is not { } x || x > e)) return true;
        return false;
    }

    /// <summary>expiry_date when set, else completed_date + renewal_months calendar months, else never (null).</summary>
    public static DateOnly? Expiry(TrainingCompletion completion, Course course) =>
        completion.ExpiryDate ?? (course.RenewalMonths is { } months ? CalendarEnds.AddMonths(completion.CompletedDate, months) : null);
}

/// <summary>The training files' lookups, built once per dataset rather than for each of the 24 months a trend covers.</summary>
internal sealed record TrainingIndex(
    IReadOnlyDictionary<string, Course> Courses,
    RowsByKey<TrainingCompletion> CompletionsByStaff,
    ILookup<string, CourseRequirement> RequirementsByRole,
    IReadOnlyList<TrainingCompletion> Specialist,
    IReadOnlyDictionary<string, StaffMember> StaffById)
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EvidenceSet, TrainingIndex> Built = new();

    public static TrainingIndex Of(EvidenceSet evidence) => Built.GetValue(evidence, static e =>
    {
        var courses = e.Courses.ToDictionary(c => c.Code);
        return new TrainingIndex(
            courses,
            // By person alone: a person has a few dozen completions at most, and one string is hashed where a pair was.
            RowsByKey<TrainingCompletion>.Of(e.Training, t => t.StaffId),
            e.CourseRequirements.ToLookup(r => r.JobRole, StringComparer.Ordinal),
            e.Training.Where(t => courses[t.CourseCode].Category == CourseCategory.Specialist).ToList(),
            e.Staff.ToDictionary(s => s.StaffId));
    });
}

public sealed record Breakdown<TKey>(TKey Key, Ratio Ratio);

public sealed record NamedCount(string Name, int Count);
