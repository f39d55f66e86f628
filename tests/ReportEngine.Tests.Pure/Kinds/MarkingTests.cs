using ReportEngine.Kinds;
using ReportEngine.Rendering;

namespace ReportEngine.Tests.Kinds;

/// <summary>Issue 22: the protective marking is set per kind; the annual complaints report, written for the public, defaults to OFFICIAL.</summary>
public sealed class MarkingTests
{
    [Fact]
    public void Each_kind_takes_its_own_marking_else_its_default_else_the_services()
    {
        var options = new ReportOptions();
        Assert.Equal("OFFICIAL-SENSITIVE", options.MarkingOf(ReportKinds.Monthly));
        Assert.Equal("OFFICIAL-SENSITIVE", options.MarkingOf(ReportKinds.QualityStatement));
        Assert.Equal("OFFICIAL", options.MarkingOf(ReportKinds.ComplaintsAnnual));

        var set = new ReportOptions { ProtectiveMarking = "OFFICIAL", Markings = { ["complaints-annual"] = " OFFICIAL-SENSITIVE ", ["monthly"] = "" } };
        Assert.Equal("OFFICIAL-SENSITIVE", set.MarkingOf(ReportKinds.ComplaintsAnnual));
        Assert.Equal("OFFICIAL", set.MarkingOf(ReportKinds.Monthly)); // blank: not set
    }
}
