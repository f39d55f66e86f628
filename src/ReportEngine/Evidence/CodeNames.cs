using System.Collections.Frozen;
using System.Text;

namespace ReportEngine.Evidence;

/// <summary>Maps enum members to the dataset's UPPER_SNAKE codes and back (LondonBorough ⇄ LONDON_BOROUGH).</summary>
public static class CodeNames<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByCode =
        Enum.GetValues<T>().ToFrozenDictionary(CodeNames.ToCode, v => v, StringComparer.Ordinal);

    /// <summary>Every code, in declaration order (the order the data contract lists them).</summary>
    public static IReadOnlyList<string> Codes { get; } = Enum.GetValues<T>().Select(CodeNames.ToCode).ToArray();

    public static bool TryParse(string code, out T value) => ByCode.TryGetValue(code, out value);
}

public static class CodeNames
{
    public static string ToCode<T>(T value) where T : struct, Enum => ToCode(value.ToString());

    /// <summary>The code of an enum member whose type is known only when the program runs (a column's boxed value).</summary>
    public static string ToCode(Enum value) => ToCode(value.ToString());

    public static string ToCode(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            // A new word starts at an upper-case letter, or at the first digit after a lower-case letter
            // (UpheldPer100k → UPHELD_PER_100K); a digit after a capital stays in its word (S42Enquiry → S42_ENQUIRY).
            if (i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && char.IsLower(pascal[i - 1])))) sb.Append('_');
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }
}
