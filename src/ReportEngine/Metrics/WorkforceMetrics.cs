using ReportEngine.Evidence;

namespace ReportEngine.Metrics;

/// <summary>
/// Supervision of registered social workers, turnover and agency use. <see cref="SupervisionStandard"/> is the employer
/// standard: a supervision of at least 1.5 hours in the last 30 days.
/// </summary>
public sealed record WorkforceMetrics(
    Ratio SupervisionCompliance,
    Ratio ReflectiveSupervision,
    Ratio SupervisionCancellationRate,
    Ratio Turnover12m,
    Ratio AgencyFteShare,
    Ratio SupervisionStandard,
    Ratio AgencyFteShareSocialWorkers)
{
    public static WorkforceMetrics Compute(EvidenceSet evidence, ReportingPeriod period)
    {
        var e = period.End;
        var eligible = evidence.Staff.Where(s => s.IsActiveOn(e) && s.RegisteredSocialWorker).ToList();
        var held = Held.GetValue(evidence.Supervisions, static all => RowsByKey<Supervision>.Of(all, s => s.StaffId, s => !s.Cancelled));
        bool HadSupervision(StaffMember s, int days, Func<Supervision, bool> kind)
        {
            foreach (ref readonly var v in held[s.StaffId])
                if (kind(v) && v.HeldDate >= e.AddDays(-days) && v.HeldDate <= e) return true;
            return false;
        }

        var nonAgency = evidence.Staff.Where(s => s.EmploymentType != EmploymentType.Agency).ToList();
        var averageHeadcount = (nonAgency.Count(s => s.IsActiveOn(period.R12Start)) + nonAgency.Count(s => s.IsActiveOn(e))) / 2m;
        var activeAtE = evidence.Staff.Where(s => s.IsActiveOn(e)).ToList();

        return new WorkforceMetrics(
            SupervisionCompliance: Ratio.Percent(eligible, s => HadSupervision(s, 30, _ => true)),
            ReflectiveSupervision: Ratio.Percent(eligible, s => HadSupervision(s, 91, v => v.Kind == SupervisionKind.Reflective)),
            SupervisionCancellationRate: Ratio.Percent(evidence.Supervisions.Where(s => period.InR12(s.HeldDate)), s => s.Cancelled),
            Turnover12m: Ratio.Percent(nonAgency.Count(s => period.InR12(s.EndDate)), averageHeadcount),
            AgencyFteShare: AgencyShare(activeAtE),
            SupervisionStandard: Ratio.Percent(eligible, s => HadSupervision(s, 30, v => v.DurationMinutes >= 90)),
            AgencyFteShareSocialWorkers: AgencyShare(eligible));
    }

    /// <summary>Each person's supervisions that were held, once per dataset rather than once a month.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<Supervision>, RowsByKey<Supervision>> Held = new();

    private static Ratio AgencyShare(IReadOnlyList<StaffMember> staff) =>
        Ratio.Percent(staff.Where(s => s.EmploymentType == EmploymentType.Agency).Sum(s => s.Fte), staff.Sum(s => s.Fte));
}
