using Hangfire;
using Microsoft.Extensions.Options;
using ReportEngine.Evidence;
using ReportEngine.Issuing;
using ReportEngine.Metrics;
using ReportEngine.PostgreSql;
using ReportEngine.Review;

namespace ReportEngine.Service.Notices;

/// <summary>
/// The messages about drafts as jobs (review.md): each notice a job of its own, retried over hours as deliveries are;
/// and the recurring look for open drafts due their one reminder.
/// </summary>
[RetrySchedule(RetrySchedule.Hours)]
public sealed class DraftNoticeJobs(DraftNotices notices, PostgresDrafts drafts, IBackgroundJobClient jobs, EndedPeriods today, IOptions<ReviewOptions> options)
{
    /// <summary>The recurring job that sends reminders.</summary>
    public const string RemindersJobId = "drafts:reminders";

    [JobDisplayName("Send the {1} notice of draft {0}")]
    public Task SendAsync(long draftId, string notice, int version, CancellationToken cancellationToken) =>
        notices.SendAsync(new DraftId(draftId), notice, version, cancellationToken);

    /// <summary>Queues one notice job; it sends to each person once however often it is queued.</summary>
    public static void Queue(IBackgroundJobClient jobs, Draft draft, string notice) =>
        jobs.Enqueue<DraftNoticeJobs>(j => j.SendAsync(draft.Id.Value, notice, draft.Version, CancellationToken.None));

    /// <summary>Each open draft made <see cref="ReviewOptions.RemindAfterWorkingDays"/> working days ago or more, not reminded yet, is reminded once.</summary>
    [JobDisplayName("Remind the Approvers of drafts awaiting sign-off")]
    public async Task RemindAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RemindAfterWorkingDays;
        var now = today.Today;
        foreach (var id in await drafts.TakeDueRemindersAsync(
                     made => WorkingDays.Between(today.DayOf(made), now, BankHolidayCalendar.EnglandAndWales) >= days, cancellationToken))
        {
            if (await drafts.FindAsync(id, cancellationToken) is { } draft) Queue(jobs, draft, DraftNotice.Reminder);
        }
    }
}
