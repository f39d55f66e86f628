using System.CommandLine;
using System.CommandLine.Parsing;

namespace ReportEngine.Cli;

/// <summary>
/// What a refused command line says (cli.md: one line per problem, exit 2): a mistyped verb or option with the nearest
/// one offered, a value outside a list named with the list and without .NET's type names, and the help of the verb
/// that was meant.
/// </summary>
internal static class CommandLineErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = string.Join(' ', Chain(parse.CommandResult).Select(c => c.Name));
        var lines = new List<string>();
        var unmatched = parse.UnmatchedTokens;
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (token.StartsWith('-'))
            {
                var near = Nearest(token, command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)));
                lines.Add($"'{token}' is not an option of {path}" + (near is null ? "" : $". Did you mean '{near}'?"));
                // The value given to a mistyped option is no separate problem.
                if (i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-')) i++;
            }
            else if (command.Subcommands.Count > 0)
            {
                var near = Nearest(token, command.Subcommands.Select(c => c.Name));
                lines.Add($"'{token}' is not a command of {path}" + (near is null ? "" : $". Did you mean '{near}'?"));
                break;
            }
            else lines.Add($"'{token}' is not an argument of {path}");
        }
        if (lines.Count == 0 || command.Subcommands.Count == 0)
            foreach (var error in parse.Errors.Where(e => !e.Message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal)))
                lines.Add(Plain(error));
        lines.Add($"See: {path} --help");
        return lines;
    }

    private static IEnumerable<Command> Chain(CommandResult result)
    {
        var chain = new List<Command>();
        for (SymbolResult? at = result; at is not null; at = at.Parent)
            if (at is CommandResult c) chain.Insert(0, c.Command);
        return chain;
    }

    /// <summary>A value outside an enumeration, said without the type's .NET name: "--role: 'Boss' is not one of Admin, Approver…".</summary>
    private static string Plain(ParseError error)
    {
        if (error.SymbolResult is OptionResult { Option: var option } result
            && (Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType) is { IsEnum: true } type)
            return $"{option.Name}: '{result.Tokens.LastOrDefault()?.Value}' is not one of {string.Join(", ", Enum.GetNames(type))}";
        return error.Message;
    }

    /// <summary>The name nearest to what was typed, within two edits (or a third of its length), if any.</summary>
    private static string? Nearest(string typed, IEnumerable<string> names) =>
        names.Select(n => (Name: n, Distance: Distance(typed, n)))
            .Where(c => c.Distance <= Math.Max(2, typed.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name).FirstOrDefault();

    /// <summary>Levenshtein's edit distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
