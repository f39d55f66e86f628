using System.CommandLine;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReportEngine.Archive;
using ReportEngine.Layout;
using ReportEngine.Metrics;

namespace ReportEngine.Cli;

/// <summary><c>archive list | get | verify | rerender | prune | hold | release</c>: the inspection-readiness archive.</summary>
internal static class ArchiveCommand
{
    public static Command Create(ILoggerFactory logging)
    {
        var command = new Command("archive", "The inspection-readiness archive: every pack as issued, provable and reproducible");

        var db = DatabaseOption.Create();
        var authority = new Option<string>("--authority") { Description = "Only this authority" };
        var from = new Option<string>("--from") { Description = "From this period, YYYY-MM" };
        var to = new Option<string>("--to") { Description = "To this period, YYYY-MM" };
        var list = new Command("list", "List archived packs") { db, authority, from, to };
        list.SetAction((parse, ct) => WithArchiveAsync(parse, db, logging, ct, async archive =>
        {
            foreach (var period in new[] { parse.GetValue(from), parse.GetValue(to) }.OfType<string>())
            {
                if (!ReportingPeriod.TryParse(period, out _)) return Refuse($"'{period}' is not a month like 2024-01");
            }
            var holds = await archive.HoldsAsync(ct);
            Console.Out.WriteLine("id\tauthority\tkind\tperiod\tcreated_at\ttemplate_version\tlegal_hold");
            foreach (var e in await archive.ListAsync(parse.GetValue(authority), parse.GetValue(from), parse.GetValue(to), ct))
                Console.Out.WriteLine($"{e.Id}\t{e.Authority}\t{e.Kind}\t{e.Period}\t{e.CreatedAt:yyyy-MM-ddTHH:mm:ssZ}\t{e.TemplateVersion?[..12]}\t{(holds.ContainsKey(e.Id) ? "yes" : "no")}");
            return ExitCodes.Success;
        }));

        var id = new Argument<string>("ID") { Description = "The archive entry's id" };
        var output = new Option<string>("--out") { Description = "Folder to copy the entry's files into", Required = true };
        var get = new Command("get", "Copy an entry's files (checked against their hashes) into a folder") { id, output, db };
        get.SetAction((parse, ct) => WithArchiveAsync(parse, db, logging, ct, async archive =>
        {
            foreach (var path in await archive.GetAsync(parse.GetValue(id)!, parse.GetValue(output)!, ct)) Console.Out.WriteLine(path);
            return ExitCodes.Success;
        }));

        var verify = new Command("verify", "Recompute every hash and the chain; exit 1 naming each entry altered, missing or out of order") { db };
        verify.SetAction((parse, ct) => WithArchiveAsync(parse, db, logging, ct, async archive =>
        {
            var result = await archive.VerifyAsync(ct);
            foreach (var tombstone in result.Pruned)
                Console.Out.WriteLine($"pruned: {tombstone.PrunedId} on {tombstone.CreatedAt:yyyy-MM-dd} by {tombstone.RequestedBy} ({tombstone.Reason})");
            foreach (var problem in result.Problems) Console.Out.WriteLine(problem);
            Console.Out.WriteLine(result.Intact
                ? $"intact: {result.Entries} entries and {result.Pruned.Count} pruned, the chain unbroken"
                : $"NOT intact: {result.Problems.Count} problem(s)");
            return result.Intact ? ExitCodes.Success : ExitCodes.Failure;
        }));

        var currentTemplates = new Option<bool>("--current-templates") { Description = "Render with today's templates instead of the archived ones" };
        var rerender = new Command("rerender", "Render an entry again from its frozen data and compare it page by page") { id, currentTemplates, db };
        rerender.SetAction((parse, ct) => WithArchiveAsync(parse, db, logging, ct, async archive =>
        {
            await using var browser = new ChromiumBrowser(new ChromiumOptions(), logging);
            var result = await archive.RerenderAsync(parse.GetValue(id)!, templates => CliComposition.Renderer(browser, templates),
                parse.GetValue(currentTemplates) ? ProjectHome.Templates : null, ct);
            Console.Out.WriteLine(result.Identical ? "identical" : $"different: {result.FirstDifference}");
            if (!result.SameTemplates) Console.Error.WriteLine("(rendered with templates other than the archived version)");
            return result.Identical ? ExitCodes.Success : ExitCodes.Failure;
        }));

        var prune = new Command("prune", "Delete entries past their retention and not under legal hold, leaving a tombstone for each") { db };
        prune.SetAction((parse, ct) => WithArchiveAsync(parse, db, logging, ct, async archive =>
        {
            var result = await archive.PruneAsync(CliComposition.RequestedBy, ct);
            foreach (var t in result.Pruned) Console.Out.WriteLine($"pruned: {t.PrunedId} ({t.Reason})");
            foreach (var e in result.Held) Console.Out.WriteLine($"kept under legal hold: {e.Id}");
            Console.Error.WriteLine($"{result.Pruned.Count} pruned, {result.Held.Count} kept under legal hold.");
            return ExitCodes.Success;
        }));

        var reason = new Option<string>("--reason") { Description = "Why the entry must be kept", Required = true };
        var hold = new Command("hold", "Place a legal hold on an entry: it will not be pruned") { id, reason, db };
        hold.SetAction((parse, ct) => WithArchiveAsync(parse, db, logging, ct, async archive =>
        {
            await archive.PlaceHoldAsync(parse.GetValue(id)!, parse.GetValue(reason)!, ct);
            return ExitCodes.Success;
        }));
        var release = new Command("release", "Lift a legal hold") { id, db };
        release.SetAction((parse, ct) => WithArchiveAsync(parse, db, logging, ct, async archive =>
        {
            await archive.ReleaseHoldAsync(parse.GetValue(id)!, ct);
            return ExitCodes.Success;
        }));

        foreach (var sub in new[] { list, get, verify, rerender, prune, hold, release }) command.Add(sub);
        return command;
    }

    private static int Refuse(string problem)
    {
        Console.Error.WriteLine(problem);
        return ExitCodes.Refused;
    }

    private static async Task<int> WithArchiveAsync(ParseResult parse, Option<string> db, ILoggerFactory logging, CancellationToken ct, Func<PackArchive, Task<int>> work)
    {
        var (connectionString, problem) = DatabaseOption.Resolve(parse, db);
        if (problem is not null) return Refuse(problem);
        await using var database = NpgsqlDataSource.Create(connectionString!);
        return await work(await CliComposition.OpenArchiveAsync(database, connectionString!, logging, ct));
    }
}
