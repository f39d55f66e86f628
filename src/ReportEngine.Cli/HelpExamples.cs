using System.CommandLine;

namespace ReportEngine.Cli;

/// <summary>An example under every verb's help: what a person most often types, with the sample's names.</summary>
internal static class HelpExamples
{
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["pack"] = "pack --period 2024-01 --out packs/2024-01",
        ["validate"] = "validate --data samples/northdale",
        ["import"] = "import --data samples/northdale --db \"Host=localhost;Database=reportengine\"",
        ["serve"] = "serve --urls http://0.0.0.0:5080",
        ["archive list"] = "archive list --authority NDC --kind monthly --from 2024-01",
        ["archive get"] = "archive get NDC-2024-01-monthly-1a2b3c --out copy",
        ["archive verify"] = "archive verify --public-key qa-copy-of-public-key.pem",
        ["archive rerender"] = "archive rerender NDC-2024-01-monthly-1a2b3c",
        ["archive prune"] = "archive prune --dry-run",
        ["archive hold"] = "archive hold NDC-2024-01-monthly-1a2b3c --reason \"Ombudsman enquiry 23 004 512\"",
        ["archive release"] = "archive release NDC-2024-01-monthly-1a2b3c --reason \"Enquiry closed\"",
        ["audit verify"] = "audit verify --public-key qa-copy-of-public-key.pem",
        ["deliver"] = "deliver NDC-2024-01-monthly-1a2b3c --retry-failed",
        ["deliveries list"] = "deliveries list --archive NDC-2024-01-monthly-1a2b3c",
        ["recipients add"] = "recipients add --authority NDC --kind monthly --email director@northdale.gov.uk --name \"Alex Director\"",
        ["recipients remove"] = "recipients remove --authority NDC --kind monthly --email director@northdale.gov.uk",
        ["recipients list"] = "recipients list --authority NDC",
        ["review-mode set"] = "review-mode set --authority NDC --kind monthly required",
        ["review-mode list"] = "review-mode list",
        ["users add"] = "users add analyst@northdale.gov.uk --role Requester --authority NDC --name \"Sam Analyst\" --password-stdin",
        ["users grant"] = "users grant analyst@northdale.gov.uk --authority NDC --upload",
        ["users ungrant"] = "users ungrant analyst@northdale.gov.uk --authority NDC",
        ["users role"] = "users role analyst@northdale.gov.uk --role Approver",
        ["users disable"] = "users disable analyst@northdale.gov.uk",
        ["users enable"] = "users enable analyst@northdale.gov.uk",
        ["users password"] = "users password analyst@northdale.gov.uk --temporary",
        ["users list"] = "users list",
        ["users token"] = "users token analyst@northdale.gov.uk --name power-bi --days 90",
        ["users tokens"] = "users tokens analyst@northdale.gov.uk",
        ["users revoke-token"] = "users revoke-token analyst@northdale.gov.uk --name power-bi",
    };

    /// <summary>Adds each verb's example to its description; a verb without one is a mistake the tests find.</summary>
    public static void AddTo(Command root)
    {
        foreach (var (path, command) in Verbs(root, ""))
            if (Examples.TryGetValue(path, out var example)) command.Description += $"\n\nExample:\n  reportengine {example}";
    }

    /// <summary>Every command that does something (has no sub-commands), by its path below the root.</summary>
    public static IEnumerable<(string Path, Command Command)> Verbs(Command command, string path)
    {
        foreach (var sub in command.Subcommands)
        {
            var subPath = path.Length == 0 ? sub.Name : $"{path} {sub.Name}";
            if (sub.Subcommands.Count == 0) yield return (subPath, sub);
            foreach (var deeper in Verbs(sub, subPath)) yield return deeper;
        }
    }
}
