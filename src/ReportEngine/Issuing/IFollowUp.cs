namespace ReportEngine.Issuing;

/// <summary>
/// One kind of work an archived report gets once it is issued: its PDF/A copy, its delivery, and the editions to come.
/// The set is registered once and both hosts do all of it: the command line at once, in its run
/// (<see cref="ImmediateFollowUps"/>), <c>serve</c> as a job of its own for each. Keyed by archive id, so doing it again
/// does nothing that was done.
/// </summary>
public interface IFollowUp
{
    /// <summary>The work's name in the job list and the log: "PDF/A copy" shows as "PDF/A copy of {archive id}".</summary>
    string Name { get; }

    /// <summary>Whether it is set up here at all (delivery needs a mail server); one that is not is neither done nor given a job.</summary>
    bool Enabled { get; }

    /// <summary>
    /// Whether it may wait until no report is waiting to be issued: the PDF/A copy may (the archive holds the report
    /// already, and readers are told the copy is pending); delivery may not, people are waiting for it.
    /// </summary>
    bool WaitsForReports { get; }

    Task<FollowUpOutcome> RunAsync(string archiveId, CancellationToken cancellationToken);
}
