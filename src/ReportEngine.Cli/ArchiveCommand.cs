using ReportEngine.Foundation;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Archive;
using ReportEngine.Kinds;
using ReportEngine.Metrics;
using ReportEngine.Rendering;

namespace ReportEngine.Cli;

/// <summary><c>archive list | get | verify | rerender | prune | hold | release</c>: the inspection-readiness archive.</summary>
internal static class ArchiveCommand
{
    public static Command Create(ReportKinds kinds)
    {
        var command = new Command("archive", "The inspection-readiness archive: every report as issued, provable and reproducible");

        var db = DatabaseOption.Create();
        var authority = new Option<string>("--authority") { Description = "Only this authority", HelpName = "CODE" };
        var kind = new Option<string>("--kind") { Description = $"Only this kind: {string.Join(", ", kinds.All.Select(k => k.Name))}", HelpName = "KIND" };
        var from = new Option<string>("--from") { Description = "From this month (a business year counts by its March)", HelpName = "YYYY-MM" };
        var to = new Option<string>("--to") { Description = "To this month", HelpName = "YYYY-MM" };
        var all = new Option<bool>("--all") { Description = "Also list entries superseded by a regenerated report" };
        var list = new Command("list", "List archived reports, the latest of each by default") { db, authority, kind, from, to, all };
        list.SetAction((parse, ct) => WithArchiveAsync(parse, db, ct, async (archive, _) =>
        {
            var months = new List<ReportingPeriod?>();
            foreach (var month in new[] { parse.GetValue(from), parse.GetValue(to) })
            {
                if (month is null) months.Add(null);
                else if (ReportingPeriod.TryParse(month, out var m)) months.Add(m);
                else return Refuse(PeriodType.Month.Refusal(month));
            }
            if (parse.GetValue(kind) is { } k && kinds.Find(k) is null) return Refuse($"--kind: '{k}' is not a report kind");
            var holds = await archive.Catalog.HoldsAsync(ct);
            var entries = await archive.Catalog.ListAsync(new ArchiveQuery(parse.GetValue(authority), parse.GetValue(kind), months[0], months[1], parse.GetValue(all)), ct);
            var pending = (await archive.Catalog.PendingPdfACopiesAsync(ct)).ToHashSet(StringComparer.Ordinal);
            Console.Out.WriteLine("id\tauthority\tkind\tperiod\tstatement\tcreated_at\ttemplate_version\tpdfa\tlegal_hold\tsupersedes");
            foreach (var e in entries)
            {
                Console.Out.WriteLine($"{e.Id}\t{e.Authority}\t{e.Kind}\t{e.Period}\t{e.Parameter}\t{e.CreatedAt:yyyy-MM-ddTHH:mm:ssZ}\t{e.TemplateVersion?[..12]}\t" +
                    $"{(pending.Contains(e.Id) ? "pending" : "yes")}\t{(holds.ContainsKey(e.Id) ? "yes" : "no")}\t{e.Supersedes}");
            }
            return FailurePolicy.Success;
        }));

        var publicKey = new Option<string>("--public-key") { Description = "Check signatures with this copy of the archive's public key (kept away from the archive)", HelpName = "FILE" };
        var id = new Argument<string>("ID") { Description = "The archive entry's id" };
        var output = new Option<string>("--out") { Description = "Folder to copy the entry's files into", HelpName = "DIR", Required = true };
        var get = new Command("get", "Copy an entry's files into a folder, only when its record and every file verify") { id, output, db, publicKey };
        get.SetAction((parse, ct) => OutputFolder.Check(parse.GetValue(output)!) is { } problem ? Task.FromResult(Refuse(problem))
            : WithArchiveAsync(parse, db, ct, async (archive, _) =>
            {
                foreach (var path in await archive.Export.GetAsync(parse.GetValue(id)!, parse.GetValue(output)!, parse.GetValue(publicKey), ct))
                    Console.Out.WriteLine(path);
                return FailurePolicy.Success;
            }));

        var head = new Option<string[]>("--head")
        {
            Description = "Also check a chain head held outside the database (a delivery email's 'Archive chain head'); repeatable", HelpName = "SEQ:SHA256",
        };
        var verify = new Command("verify", "Recompute every hash, the chain, its signatures and checkpoints; exit 1 naming each entry altered, missing, out of order or rolled back") { db, publicKey, head };
        verify.SetAction((parse, ct) => WithArchiveAsync(parse, db, ct, async (archive, _) =>
        {
            var heads = new List<(long Seq, string Sha)>();
            foreach (var text in parse.GetValue(head) ?? [])
            {
                var parts = text.Split(':');
                if (parts.Length != 2 || !long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var seq) || seq < 1
                    || parts[1].Length != 64 || !parts[1].All(char.IsAsciiHexDigit))
                    return Refuse($"--head: '{text}' is not SEQ:SHA256 (a record number, a colon and 64 hex digits)");
                heads.Add((seq, parts[1].ToLowerInvariant()));
            }
            using var signatures = archive.Signatures(parse.GetValue(publicKey));
            var result = await archive.Verifier.VerifyAsync(signatures, ct);
            var headProblems = new List<string>();
            foreach (var (seq, sha) in heads)
            {
                if (await archive.Verifier.CheckHeadAsync(seq, sha, ct) is { } mismatch) headProblems.Add(mismatch);
                else Console.Out.WriteLine($"head {seq}: matches the chain");
            }
            if (headProblems.Count > 0) result = result with { Intact = false, Problems = [.. result.Problems, .. headProblems] };
            foreach (var tombstone in result.Pruned)
                Console.Out.WriteLine($"pruned: {tombstone.PrunedId} on {tombstone.CreatedAt:yyyy-MM-dd} by {tombstone.RequestedBy} ({tombstone.Reason})");
            foreach (var pending in result.PendingPdfA) Console.Out.WriteLine($"PDF/A pending: {pending} (its copy is still to be made)");
            foreach (var problem in result.Problems) Console.Out.WriteLine(problem);
            Console.Out.WriteLine($"evidence: {result.Evidence}");
            if (result.ClockWarning is { } clocks) Console.Error.WriteLine($"warning: {clocks}; prune will refuse until the clocks agree");
            // Kept with a backup or sent away from the database, it is what a later '--head' proves the chain against.
            if (result.Intact && await archive.Catalog.HeadAsync(ct) is { } current) Console.Out.WriteLine($"head {current}");
            Console.Out.WriteLine(result.Intact
                ? $"intact: {result.Entries} entries and {result.Pruned.Count} pruned, the chain unbroken" +
                  (result.PendingPdfA.Count > 0 ? $"; {result.PendingPdfA.Count} PDF/A cop{(result.PendingPdfA.Count == 1 ? "y" : "ies")} pending" : "")
                : $"NOT intact: {result.Problems.Count} problem(s)");
            return result.Intact ? FailurePolicy.Success : FailurePolicy.Failure;
        }));

        var currentTemplates = new Option<bool>("--current-templates") { Description = "Render with today's templates instead of the archived ones" };
        var rerender = new Command("rerender", "Render an entry again, as its own kind, from its frozen data and compare it page by page") { id, currentTemplates, db };
        rerender.SetAction((parse, ct) => WithArchiveAsync(parse, db, ct, async (archive, services) =>
        {
            var renderers = services.GetRequiredService<ReportRenderers>();
            var result = await archive.Rerenderer.RerenderAsync(parse.GetValue(id)!, renderers.With,
                parse.GetValue(currentTemplates) ? ProjectHome.Templates : null, ct);
            Console.Out.WriteLine(result.Identical ? "identical" : $"different: {result.FirstDifference ?? $"editions made again differ: {result.Editions}"}");
            if (!result.SameTemplates) Console.Error.WriteLine("(rendered with templates other than the archived version)");
            return result.Identical ? FailurePolicy.Success : FailurePolicy.Failure;
        }));

        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be pruned; delete nothing" };
        var prune = new Command("prune", "Delete entries past their kind's retention and not under legal hold, leaving a tombstone for each") { db, dryRun };
        prune.SetAction((parse, ct) => WithArchiveAsync(parse, db, ct, async (archive, _) =>
        {
            var dry = parse.GetValue(dryRun);
            var result = await archive.Retention.PruneAsync(CliComposition.RequestedBy.ToString(), dry, ct);
            foreach (var (entry, years) in result.Plan.Expired)
                Console.Out.WriteLine($"{(dry ? "would prune" : "pruned")}: {entry.Id} (retention: {entry.Kind} reports are kept {years} years; created {entry.CreatedAt:yyyy-MM-dd})");
            foreach (var e in result.Plan.Held) Console.Out.WriteLine($"kept under legal hold: {e.Id}");
            foreach (var e in result.Plan.Untrusted) Console.Out.WriteLine($"kept, its record does not verify (run archive verify): {e.Id}");
            Console.Error.WriteLine($"{result.Plan.Expired.Count} {(dry ? "would be pruned" : "pruned")}, {result.Plan.Held.Count} kept under legal hold " +
                $"(retention measured at {result.Plan.Now:yyyy-MM-dd HH:mm} UTC by the database's clock).");
            return FailurePolicy.Success;
        }));

        var reason = new Option<string>("--reason") { Description = "Why the entry must be kept", HelpName = "TEXT", Required = true };
        var hold = new Command("hold", "Place a legal hold on an entry: it will not be pruned") { id, reason, db };
        hold.SetAction((parse, ct) => WithArchiveAsync(parse, db, ct, async (archive, _) =>
        {
            await archive.Retention.PlaceHoldAsync(parse.GetValue(id)!, parse.GetValue(reason)!, CliComposition.RequestedBy.ToString(), ct);
            return FailurePolicy.Success;
        }));
        var releaseReason = new Option<string>("--reason") { Description = "Why the hold is lifted", HelpName = "TEXT", Required = true };
        var release = new Command("release", "Lift a legal hold") { id, releaseReason, db };
        release.SetAction((parse, ct) => WithArchiveAsync(parse, db, ct, async (archive, _) =>
        {
            await archive.Retention.ReleaseHoldAsync(parse.GetValue(id)!, parse.GetValue(releaseReason)!, CliComposition.RequestedBy.ToString(), ct);
            return FailurePolicy.Success;
        }));

        foreach (var sub in new[] { list, get, verify, rerender, prune, hold, release }) command.Add(sub);
        return command;
    }

    private static int Refuse(string problem)
    {
        Console.Error.WriteLine(problem);
        return FailurePolicy.Refused;
    }

    private static async Task<int> WithArchiveAsync(ParseResult parse, Option<string> db, CancellationToken ct, Func<ReportArchive, IServiceProvider, Task<int>> work)
    {
        var (connectionString, problem) = DatabaseOption.Resolve(parse, db);
        if (problem is not null) return Refuse(problem);
        await using var services = CliComposition.Build(connectionString);
        return await work(await CliComposition.OpenArchiveAsync(services, ct), services);
    }
}
