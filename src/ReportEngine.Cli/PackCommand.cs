using ReportEngine.Foundation;
using System.CommandLine;
using ReportEngine.Editions;
using ReportEngine.Gathering;
using ReportEngine.Issuing;
using ReportEngine.Kinds;
using ReportEngine.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace ReportEngine.Cli;

/// <summary>
/// <c>pack [--kind KIND] --period PERIOD [--statement CODE] (--data DIR | --authority CODE) --out DIR [--archive]
/// [--regenerate --reason TEXT [--deliver]] [--format pdf,html,xlsx,docx]</c>: one report through the issuing path. Every refusal comes before any rendering.
/// </summary>
internal static class PackCommand
{
    public static Command Create(ReportKinds kinds)
    {
        var names = string.Join(", ", kinds.All.Select(k => k.Name));
        var kind = new Option<string>("--kind")
            { Description = $"The kind of report: {names}", HelpName = "KIND", DefaultValueFactory = _ => kinds.All[0].Name };
        var period = new Option<string>("--period")
        {
            Description = string.Join("; ", kinds.All.Select(k => k.PeriodType).Distinct().Select(t => $"a {t.Name} {t.Placeholder}")) + ", as the kind needs",
            HelpName = "PERIOD", Required = true,
        };
        var statement = new Option<string>("--statement") { Description = "The quality statement, for kinds made for one (e.g. LEARNING)", HelpName = "CODE" };
        var data = new Option<string>("--data") { Description = "Dataset folder (default: the shipped sample)", HelpName = "DIR" };
        var authority = new Option<string>("--authority") { Description = "Render from the database: the authority's code", HelpName = "CODE" };
        var db = DatabaseOption.Create();
        var output = new Option<string>("--out") { Description = "Folder to write the PDF and metrics.json into", HelpName = "DIR", Required = true };
        var archive = new Option<bool>("--archive") { Description = "Also issue the report into the archive and print its archive id" };
        var regenerate = new Option<bool>("--regenerate") { Description = "Issue an archived report again after a data correction (with --archive and --reason)" };
        var reason = new Option<string>("--reason") { Description = "Why the report is regenerated", HelpName = "TEXT" };
        var deliver = new Option<bool>("--deliver")
        {
            Description = "With --regenerate: deliver the report to its recipients again even if its evidence and templates are unchanged",
        };
        var format = new Option<string>("--format")
        {
            Description = $"The editions to write, comma-separated: {string.Join(",", EditionFormat.All.Select(f => f.Name))} (the PDF is always written)",
            HelpName = "FORMATS", DefaultValueFactory = _ => EditionFormat.Pdf.Name,
        };
        var command = new Command("pack", "Render one report: the monthly pack, the annual complaints report or a quality-statement report")
            { kind, period, statement, data, authority, db, output, archive, regenerate, reason, deliver, format };

        command.SetAction(async (parse, ct) =>
        {
            var problems = new List<string>();
            var code = parse.GetValue(authority);
            if (parse.GetValue(data) is not null && code is not null) problems.Add("--data and --authority: give one or the other");
            // A folder names its own authority; the rest of the report is checked before anything is read.
            var report = new ReportFields(code, parse.GetValue(kind), parse.GetValue(period), parse.GetValue(statement)).Parse(kinds, authorityNamedInside: code is null);
            problems.AddRange(report.Errors.Select(e => $"--{e.Key}: {e.Value}"));
            var isArchived = parse.GetValue(archive);
            var again = parse.GetValue(regenerate);
            if (again && !isArchived) problems.Add("--regenerate: a report is regenerated in the archive; add --archive");
            if (again && string.IsNullOrWhiteSpace(parse.GetValue(reason))) problems.Add("--reason: --regenerate needs a reason (what was corrected)");
            if (!again && parse.GetValue(reason) is not null) problems.Add("--reason: only with --regenerate");
            if (!again && parse.GetValue(deliver)) problems.Add("--deliver: only with --regenerate (a report issued for the first time is always delivered)");
            var (formats, formatProblem) = EditionFormat.ParseList(parse.GetValue(format)!);
            if (formatProblem is not null) problems.Add($"--format: {formatProblem}");
            string? connectionString = null;
            if (code is not null || isArchived)
            {
                (connectionString, var dbProblem) = DatabaseOption.Resolve(parse, db);
                if (dbProblem is not null) problems.Add(dbProblem);
            }
            if (problems.Count == 0 && OutputFolder.Check(parse.GetValue(output)!) is { } outProblem) problems.Add(outProblem);
            if (problems.Count > 0)
            {
                foreach (var p in problems) Console.Error.WriteLine(p);
                return FailurePolicy.Refused;
            }

            await using var services = CliComposition.Build(connectionString);
            if (isArchived) await CliComposition.OpenArchiveAsync(services, ct);
            var issuer = isArchived ? services.GetRequiredService<ReportIssuer>() : services.GetRequiredKeyedService<ReportIssuer>(ReportIssuer.Unarchived);
            var folder = code is null ? new DatasetFolderSource(parse.GetValue(data) ?? ProjectHome.SampleDataset) : null;
            IEvidenceSource source = folder ?? (IEvidenceSource)new PostgresEvidenceSource(services.GetRequiredService<PostgresEvidenceStore>(), code!);
            var issued = await ConsoleProgress.RunAsync($"{report.Kind.Title}, {report.Period.Words}", async progress =>
            {
                var identity = report.For(code ?? await folder!.AuthorityCodeAsync(ct));
                var request = new ReportRequest(identity, source, CliComposition.RequestedBy, parse.GetValue(reason), again, parse.GetValue(output), parse.GetValue(deliver), Editions: formats);
                return await issuer.IssueAsync(request, progress, ct);
            });
            if (issued.Reused) Console.Error.WriteLine($"{issued.Report} was archived already as {issued.Entry!.Id}; nothing was rendered.");
            Console.Out.WriteLine(issued.PdfPath);
            if (issued.EditionsNotWritten)
                Console.Error.WriteLine($"editions not written: {issued.Entry!.Id} was issued before its editions were made; they are made now, so ask again to write them");
            if (issued.Entry is not null) Console.Out.WriteLine(issued.Entry.Id);
            // delivery.md: an archived report goes to its recipients in the same run, as deliver would send it (lines on standard
            // error); one issued before gets its follow-ups again, which do only what is left (a recipient added since).
            var followUps = issued is { Reused: true, Entry: { } entry } ? await services.GetRequiredService<IFollowUps>().ScheduleAsync(entry.Id, ct) : issued.FollowUps;
            foreach (var line in followUps.SelectMany(f => f.Lines)) Console.Error.WriteLine(line);
            if (issued is { Reused: false, Entry: { } regenerated } && Regeneration.HoldsDelivery(regenerated))
                Console.Error.WriteLine($"not delivered again: {regenerated.Id} has the same evidence and templates as {regenerated.Supersedes} (add --deliver to send it)");
            return followUps.All(f => f.Complete) ? FailurePolicy.Success : FailurePolicy.Failure;
        });
        return command;
    }
}
