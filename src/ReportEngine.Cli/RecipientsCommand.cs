using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Kinds;
using ReportEngine.Service.Delivery;

namespace ReportEngine.Cli;

/// <summary><c>recipients add | remove | list</c>: who receives each authority's reports of each kind (delivery.md). Changes are audited.</summary>
internal static class RecipientsCommand
{
    public static Command Create(ReportKinds kinds)
    {
        var command = new Command("recipients", "Who receives each authority's reports by email, per kind");
        var db = DatabaseOption.Create();
        var authority = new Option<string>("--authority") { Description = "The authority code", Required = true, HelpName = "CODE" };
        var kind = new Option<string>("--kind") { Description = $"The report kind: {string.Join(", ", kinds.All.Select(k => k.Name))}", Required = true, HelpName = "KIND" };
        var email = new Option<string>("--email") { Description = "The recipient's email address", Required = true, HelpName = "ADDRESS" };
        var name = new Option<string>("--name") { Description = "The recipient's name, for the greeting", HelpName = "NAME" };
        var attach = new Option<bool>("--attach") { Description = "Attach the PDF (when small enough), not only the link" };

        var add = new Command("add", "Add a recipient (or change their name and --attach)") { authority, kind, email, name, attach, db };
        add.SetAction((parse, ct) => CliComposition.WithAuditedChangeAsync(parse, db, ct, async services =>
        {
            var recipient = new Recipient(parse.GetValue(authority)!, parse.GetValue(kind)!, parse.GetValue(email)!, parse.GetValue(name), parse.GetValue(attach));
            await services.GetRequiredService<RecipientStore>().AddAsync(recipient, ct);
            await CliComposition.AuditAsync(services, "recipient.add", recipient.Authority, $"{recipient.Email} for {recipient.Kind}{(recipient.Attach ? ", with the PDF attached" : "")}");
            Console.Out.WriteLine($"{recipient.Email} receives {recipient.Authority}'s {recipient.Kind} reports{(recipient.Attach ? " with the PDF attached" : "")}");
        }));

        var remove = new Command("remove", "Remove a recipient") { authority, kind, email, db };
        remove.SetAction((parse, ct) => CliComposition.WithAuditedChangeAsync(parse, db, ct, async services =>
        {
            await services.GetRequiredService<RecipientStore>().RemoveAsync(parse.GetValue(authority)!, parse.GetValue(kind)!, parse.GetValue(email)!, ct);
            await CliComposition.AuditAsync(services, "recipient.remove", parse.GetValue(authority), $"{parse.GetValue(email)} for {parse.GetValue(kind)}");
            Console.Out.WriteLine($"Removed {parse.GetValue(email)} from {parse.GetValue(authority)}'s {parse.GetValue(kind)} reports");
        }));

        var only = new Option<string>("--authority") { Description = "Only this authority", HelpName = "CODE" };
        var list = new Command("list", "List the recipients (tab-separated)") { only, db };
        list.SetAction((parse, ct) => CliComposition.WithDatabaseAsync(parse, db, ct, async services =>
        {
            Console.Out.WriteLine("authority\tkind\temail\tname\tattach");
            foreach (var r in await services.GetRequiredService<RecipientStore>().ListAsync(parse.GetValue(only), null, ct))
                Console.Out.WriteLine($"{r.Authority}\t{r.Kind}\t{r.Email}\t{r.Name}\t{(r.Attach ? "yes" : "no")}");
        }));

        foreach (var verb in new[] { add, remove, list }) command.Subcommands.Add(verb);
        return command;
    }
}
