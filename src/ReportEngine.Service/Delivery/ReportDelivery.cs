using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportEngine.Archive;

namespace ReportEngine.Service.Delivery;

/// <summary>
/// Delivers an archived report to its authority's recipients for its kind, each at most once: every copy is sent
/// under its delivery record's lock and recorded as sent in the same breath. A temporary failure is tried
/// <see cref="SmtpOptions.Attempts"/> times, waiting 1, 2 and 4 seconds; a permanent one is recorded and left.
/// </summary>
public sealed class ReportDelivery(
    ReportArchive archive,
    RecipientStore recipients,
    DeliveryStore deliveries,
    DeliveryMessages messages,
    ISmtpSender sender,
    IOptions<SmtpOptions> options,
    ILogger<ReportDelivery> logger)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>
    /// The entry's deliveries, made from its recipients the first time; none for a regeneration that changed nothing
    /// and was not asked to be delivered again (<see cref="Issuing.Regeneration"/>).
    /// </summary>
    public async Task<IReadOnlyList<DeliveryRecord>> PrepareAsync(string archiveId, CancellationToken cancellationToken)
    {
        var entry = await archive.Catalog.GetEntryAsync(archiveId, cancellationToken);
        if (Issuing.Regeneration.HoldsDelivery(entry))
        {
            logger.LogInformation("{ArchiveId} regenerates {Superseded} with the same evidence and templates; it is not delivered again ({Reason})",
                entry.Id, entry.Supersedes, entry.Reason);
            return [];
        }
        return await deliveries.EnsureAsync(entry.Id, await recipients.ListAsync(entry.Authority, entry.Kind, cancellationToken), messages.MessageIdDomain,
            cancellationToken);
    }

    /// <summary>Every recipient of the entry, one after another.</summary>
    public async Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(string archiveId, bool retryFailed, CancellationToken cancellationToken)
    {
        var outcomes = new List<DeliveryOutcome>();
        foreach (var delivery in await PrepareAsync(archiveId, cancellationToken))
            outcomes.Add(await DeliverToAsync(archiveId, delivery.Email, retryFailed, cancellationToken));
        return outcomes;
    }

    public async Task<DeliveryOutcome> DeliverToAsync(string archiveId, string email, bool retryFailed, CancellationToken cancellationToken) =>
        Telemetry.DeliveryCounts.Count(await DeliverWithRetriesAsync(archiveId, email, retryFailed, cancellationToken));

    private async Task<DeliveryOutcome> DeliverWithRetriesAsync(string archiveId, string email, bool retryFailed, CancellationToken cancellationToken)
    {
        var entry = await archive.Catalog.GetEntryAsync(archiveId, cancellationToken);
        string? reply = null;
        for (var attempt = 1; attempt <= options.Value.Attempts; attempt++)
        {
            if (attempt > 1) await Task.Delay(TimeSpan.FromSeconds(1 << (attempt - 2)), cancellationToken);
            await using var claim = await deliveries.ClaimAsync(archiveId, email, cancellationToken)
                ?? throw new InvalidOperationException($"{archiveId} has no delivery to {email}");
            switch (claim.Record.State)
            {
                case DeliveryRecord.Sent:
                    return new DeliveryOutcome(email, DeliveryOutcome.Kinds.Already);
                case DeliveryRecord.Failed when !retryFailed:
                    return new DeliveryOutcome(email, DeliveryOutcome.Kinds.Failed, claim.Record.LastReply);
            }
            var message = await messages.BuildAsync(entry, claim.Record, cancellationToken);
            try
            {
                reply = await sender.SendAsync(message, cancellationToken);
                await RecordSentAsync(claim, reply);
                logger.LogInformation("Sent archive entry {ArchiveId} to {Recipient}: {Reply}", archiveId, email, reply);
                return new DeliveryOutcome(email, DeliveryOutcome.Kinds.Sent, reply);
            }
            catch (SmtpFailure failure) when (failure.Permanent)
            {
                await claim.FailedAsync(failure.Reply, CancellationToken.None);
                logger.LogWarning("Archive entry {ArchiveId} cannot be sent to {Recipient}: {Reply}", archiveId, email, failure.Reply);
                return new DeliveryOutcome(email, DeliveryOutcome.Kinds.Failed, failure.Reply);
            }
            catch (SmtpFailure failure)
            {
                reply = failure.Reply;
                await claim.NotYetAsync(failure.Reply, CancellationToken.None);
                logger.LogWarning("Archive entry {ArchiveId} not yet sent to {Recipient} (attempt {Attempt}): {Reply}", archiveId, email, attempt, failure.Reply);
            }
        }
        return new DeliveryOutcome(email, DeliveryOutcome.Kinds.Deferred, reply);
    }

    /// <summary>How long a copy the mail server accepted is kept trying to be recorded while the database is away.</summary>
    private static readonly TimeSpan RecordSentFor = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The mail server has the copy now, so it must be recorded as sent, or a retry would send it again. When the claim
    /// cannot (its connection was lost: the database restarted while the copy was on its way), it is recorded on a new
    /// connection as soon as the database is back.
    /// </summary>
    private async Task RecordSentAsync(DeliveryClaim claim, string reply)
    {
        try
        {
            await claim.SentAsync(reply, CancellationToken.None);
            return;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning("Archive entry {ArchiveId} was accepted for {Recipient}, but the database lost the record of it ({Problem}); recording it again",
                claim.Record.ArchiveId, claim.Record.Email, ex.Message);
        }
        var giveUp = DateTime.UtcNow + RecordSentFor;
        for (var wait = TimeSpan.FromSeconds(1); ; wait = TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds * 2, 30)))
        {
            await Task.Delay(wait);
            try
            {
                await deliveries.RecordSentAsync(claim.Record.ArchiveId, claim.Record.Email, reply);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < giveUp)
            {
            }
        }
    }
}
