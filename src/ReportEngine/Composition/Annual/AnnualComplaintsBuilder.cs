using ReportEngine.Composition.Charts;
using ReportEngine.Composition.Monthly;
using ReportEngine.Evidence;
using ReportEngine.Metrics;

namespace ReportEngine.Composition.Annual;

/// <summary>Builds the annual complaints report's view model: this year's figures beside last year's, the Ombudsman's decisions, and what was learned.</summary>
public sealed class AnnualComplaintsBuilder : IViewModelBuilder<AnnualComplaintsFigures>
{
    public object Build(ReportContext context, AnnualComplaintsFigures figures, PageNumbers pages)
    {
        var c = figures.Complaints;
        var a = figures.Annual;
        var year = figures.Year.ToString();
        var previousThemes = figures.PreviousYear.Themes.ToDictionary(t => t.Code, t => t.Count);
        var thisYearAreas = a.ServiceAreas.ToDictionary(x => x.Area, x => x.Count);
        var lastYearAreas = a.ServiceAreasPrevious.ToDictionary(x => x.Area, x => x.Count);
        var casesByYear = a.OmbudsmanCases.ToDictionary(y => y.BusinessYear);

        return new AnnualComplaintsViewModel(
            ReportHeading.For(context),
            pages.Contents,
            year,
            figures.Year.Previous.ToString(),
            c,
            figures.PreviousYear,
            a,
            casesByYear.TryGetValue(year, out var thisYear) ? thisYear.Cases : 0,
            c.Themes.Select(t => new ThemeRow(t.Code, t.Count, previousThemes.TryGetValue(t.Code, out var p) ? p : null))
                .Concat(figures.PreviousYear.Themes.Where(t => c.Themes.All(x => x.Code != t.Code)).Select(t => new ThemeRow(t.Code, 0, t.Count)))
                .ToList(),
            thisYearAreas.Keys.Union(lastYearAreas.Keys).Order(StringComparer.Ordinal)
                .Select(area => new AreaRow(area, thisYearAreas.GetValueOrDefault(area), lastYearAreas.GetValueOrDefault(area)))
                .ToList(),
            figures.Ombudsman.Years.Reverse().Select(y =>
            {
                var cases = casesByYear[y.BusinessYear];
                return new OmbudsmanYearView(y, cases.Cases, cases.Count(OmbudsmanDecision.NotForUs), cases.Count(OmbudsmanDecision.AssessedClosed),
                    cases.Count(OmbudsmanDecision.Upheld), cases.Count(OmbudsmanDecision.NotUpheld));
            }).ToList(),
            a.Learning,
            ColumnChart.Build("Complaints received", ["Complaints received"],
                c.ReceivedByMonth.Select(x => (ReportFormat.ShortMonth(x.Month),
                    (IReadOnlyList<double?>)[figures.Coverage.Covers($"complaints.received_by_month.{x.Month}") ? x.Count : null])).ToList(), v => ReportFormat.Count(v)),
            ProvenanceView.For(context),
            FiguresNotAvailable.Of(figures.ByKey().Select(k => k.Key), figures.Coverage, year),
            Foundation.PlainText.Paragraphs(context.Gathered.Evidence.Authority.ComplaintsContact),
            ComparisonView.Of(context.Gathered.Evidence, figures.Comparisons, figures));
    }
}
