using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Foundation;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using ReportEngine.Review;

namespace ReportEngine.Cli;

/// <summary>
/// <c>review-mode set | list</c>: whether an authority's reports of a kind are issued when asked for (<c>none</c>) or
/// made drafts that only an approval issues (<c>required</c>; review.md). Changes are audited.
/// </summary>
internal static class ReviewModeCommand
{
    public static Command Create(ReportKinds kinds)
    {
        var command = new Command("review-mode", "Whether an authority's reports of a kind need sign-off before they are issued");
        var db = DatabaseOption.Create();
        var authority = new Option<string>("--authority") { Description = "The authority code", Required = true, HelpName = "CODE" };
        var kind = new Option<string>("--kind") { Description = $"The report kind: {string.Join(", ", kinds.All.Select(k => k.Name))}", Required = true, HelpName = "KIND" };
        var mode = new Argument<string>("mode") { Description = "required (a request makes a draft; only an approval issues it) or none (a request issues the report)" };

        var set = new Command("set", "Set the review mode of an authority's reports of a kind") { authority, kind, mode, db };
        set.SetAction((parse, ct) => CliComposition.WithAuditedChangeAsync(parse, db, ct, async services =>
        {
            var code = parse.GetValue(authority)!.Trim();
            if (!SafePath.IsAuthorityCode(code)) throw new ReportRequestRefusedException($"--authority: {SafePath.AuthorityCodeRefusal(code)}");
            var reportKind = kinds.Find(parse.GetValue(kind)!)
                ?? throw new ReportRequestRefusedException($"--kind: '{parse.GetValue(kind)}' is not a report kind; one of {string.Join(", ", kinds.All.Select(k => k.Name))}");
            var chosen = ReviewModes.Parse(parse.GetValue(mode))
                ?? throw new ReportRequestRefusedException($"mode: '{parse.GetValue(mode)}' is not a review mode; say required or none");
            var before = await services.GetRequiredService<PostgresDrafts>().SetModeAsync(code, reportKind, chosen, CliComposition.RequestedBy.ToString(), ct);
            await CliComposition.AuditAsync(services, "review-mode.set", code, $"{reportKind.Name}: {before.Name()} → {chosen.Name()}");
            Console.Out.WriteLine(chosen == ReviewMode.Required
                ? $"{code}'s {reportKind.Name} reports now need sign-off: a request makes a draft, and only an approval issues it"
                : $"{code}'s {reportKind.Name} reports are issued when asked for, without sign-off");
        }));

        var list = new Command("list", "List the review modes set (tab-separated); every other authority and kind is none") { db };
        list.SetAction((parse, ct) => CliComposition.WithDatabaseAsync(parse, db, ct, async services =>
        {
            Console.Out.WriteLine("authority\tkind\tmode");
            foreach (var (code, kindName, chosen) in await services.GetRequiredService<PostgresDrafts>().ModesAsync(ct))
                Console.Out.WriteLine($"{code}\t{kindName}\t{chosen.Name()}");
        }));

        foreach (var verb in new[] { set, list }) command.Subcommands.Add(verb);
        return command;
    }
}
