using System.Diagnostics;
using Hangfire;
using ReportEngine.Service.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>Delivery as <c>serve</c>'s follow-up work: a worker killed at the worst moment, and two workers at once.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class DeliveryServiceTests(PostgresFixture postgres) : MailTestBase(postgres)
{

    private void AddRecipients(params string[] emails)
    {
        foreach (var email in emails)
            Assert.Equal(0, CliProcess.Run(new Dictionary<string, string> { ["REPORTENGINE_ARCHIVE"] = Path.Combine(Out.Path, ".archive") }, "recipients", "add", "--authority", "NDC", "--kind", "monthly", "--email", email, "--db", Db).Exit);
    }

    /// <summary>Waits until <paramref name="done"/>, failing only when the services' logs and the mailbox stop moving.</summary>
    private Task WaitForAsync(Func<bool> done, Func<string> log) =>
        Eventually.WaitAsync(done, () => $"messages: {Smtp.Messages.Count}\n{log()}", "delivery");

    private static void Signal(int pid, string signal) => Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    [Fact]
    public async Task A_worker_killed_after_the_server_accepted_but_before_recording_it_resends_with_the_same_message_id()
    {
        AddRecipients("director@northdale.gov.uk");
        var settings = Smtp.Settings;
        settings["ReportEngine__Archive__Folder"] = Path.Combine(Out.Path, ".archive");
        var serve = await ServeProcess.StartAsync(Db, Out.Path, settings);
        try
        {
            // The first time, the worker is frozen while the server accepts (so it cannot record the send), then killed.
            var killed = false;
            Smtp.OnAccepting = message =>
            {
                if (killed) return;
                killed = true;
                Signal(serve.ProcessId, "STOP");
                _ = Task.Run(async () =>
                {
                    await Task.Delay(500);
                    serve.Kill();
                });
            };
            TestDatabases.EnqueuePack(TestDatabases.HangfireStorage(Db), "NDC", "2024-01");
            await WaitForAsync(() => killed && Smtp.Messages.Count > 0, () => serve.Log);
            await Task.Delay(1000);
            Assert.Contains("\tpending\t", CliProcess.Run("deliveries", "list", "--db", Db).Out);
        }
        finally
        {
            await serve.DisposeAsync();
        }

        await using var again = await ServeProcess.StartAsync(Db, Out.Path, settings);
        await WaitForAsync(() => CliProcess.Run("deliveries", "list", "--db", Db).Out.Contains("\tsent\t"), () => again.Log);
        var copies = Smtp.To("director@northdale.gov.uk");
        // SMTP cannot tell a sender that a message it never heard accepted was accepted: the copy is sent again, and
        // carries the same Message-ID, so that mail clients and the archive of messages show it as one message.
        Assert.Equal(2, copies.Count);
        Assert.Single(copies.Select(m => m.MessageId).Distinct());
    }

    [Fact]
    public async Task Two_serve_processes_never_send_a_report_twice()
    {
        var recipients = Enumerable.Range(1, 6).Select(i => $"leader{i}@northdale.gov.uk").ToArray();
        AddRecipients(recipients);
        var settings = Smtp.Settings;
        settings["ReportEngine__Archive__Folder"] = Path.Combine(Out.Path, ".archive");
        await using var first = await ServeProcess.StartAsync(Db, Out.Path, settings);
        await using var second = await ServeProcess.StartAsync(Db, Out.Path, settings);
        var storage = TestDatabases.HangfireStorage(Db);
        TestDatabases.EnqueuePack(storage, "NDC", "2024-01");
        await WaitForAsync(() => CliProcess.Run("archive", "list", "--db", Db).Out.Contains("NDC-2024-01-monthly-"), () => first.Log + second.Log);
        var id = CliProcess.Run("archive", "list", "--db", Db).Out.Split('\n')[1].Split('\t')[0];
        // The follow-up job again, several times over, as retries and a second scheduling would make it.
        var client = new BackgroundJobClient(storage);
        for (var i = 0; i < 4; i++) client.Enqueue<ReportEngine.Service.FollowUpJobs>(job => job.RunAsync("Deliveries", id, CancellationToken.None));
        foreach (var email in recipients)
            for (var i = 0; i < 2; i++) client.Enqueue<DeliveryJobs>(job => job.DeliverToAsync(id, email, CancellationToken.None));

        await WaitForAsync(() => recipients.All(r => Smtp.To(r).Count > 0), () => first.Log + second.Log);
        await Task.Delay(5000); // time for any second copy to arrive
        foreach (var email in recipients) Assert.Single(Smtp.To(email));
    }
}
