using ReportEngine.Foundation;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Service.Delivery;

namespace ReportEngine.Cli;

/// <summary>
/// <c>deliver ARCHIVE_ID [--retry-failed]</c> and <c>deliveries list [--archive ID]</c>: sends an archived report to its
/// recipients, each at most once, and shows what was sent (delivery.md).
/// </summary>
internal static class DeliverCommand
{
    public static Command Create()
    {
        var db = DatabaseOption.Create();
        var id = new Argument<string>("ARCHIVE_ID") { Description = "The archive entry to deliver" };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Also try again the recipients whose delivery failed for good (after a fix)" };
        var command = new Command("deliver", "Email an archived report to its recipients; each gets it at most once") { id, retryFailed, db };
        command.SetAction((parse, ct) => CliComposition.WithDatabaseAsync(parse, db, ct, async services =>
        {
            var delivery = services.GetRequiredService<ReportDelivery>();
            if (!delivery.Enabled) throw new DeliveryOffException();
            await CliComposition.OpenArchiveAsync(services, ct);
            var outcomes = await delivery.DeliverAsync(parse.GetValue(id)!, parse.GetValue(retryFailed), ct);
            foreach (var outcome in outcomes) Console.Out.WriteLine(outcome);
            return outcomes.All(o => o.Kind is DeliveryOutcome.Kinds.Sent or DeliveryOutcome.Kinds.Already) ? FailurePolicy.Success : FailurePolicy.Failure;
        }));
        return command;
    }

    public static Command CreateList()
    {
        var db = DatabaseOption.Create();
        var archive = new Option<string>("--archive") { Description = "Only this archive entry's deliveries", HelpName = "ARCHIVE_ID" };
        var list = new Command("list", "List deliveries (tab-separated): state, attempts, the server's last reply, Message-ID") { archive, db };
        list.SetAction((parse, ct) => CliComposition.WithDatabaseAsync(parse, db, ct, async services =>
        {
            Console.Out.WriteLine("archive_id\temail\tstate\tattempts\tsent_at\tmessage_id\tlast_reply");
            foreach (var d in await services.GetRequiredService<DeliveryStore>().ListAsync(parse.GetValue(archive), ct))
                Console.Out.WriteLine($"{d.ArchiveId}\t{d.Email}\t{d.State}\t{d.Attempts}\t{d.SentAt:yyyy-MM-ddTHH:mm:ssZ}\t{d.MessageId}\t{d.LastReply}");
        }));
        return new Command("deliveries", "What was sent to whom, and what failed") { list };
    }
}

/// <summary>No mail server is configured: nothing can be sent (exit 2).</summary>
internal sealed class DeliveryOffException() : InputRefusedException("Delivery is off: set ReportEngine__Smtp__Host and ReportEngine__Smtp__From to send email.");
