using System.Text;

namespace ReportEngine.Review;

/// <summary>
/// What an officer wrote in one of a report's commentary slots (review.md): plain text, printed exactly as written —
/// data, never markup — with the name of the person who last changed it and the day.
/// </summary>
/// <param name="Slot">The slot's name, one of the kind's (<c>overall</c>, a section's, <c>handling</c>).</param>
public sealed record Commentary(string Slot, string Text, string Author, DateOnly ChangedOn)
{
    /// <summary>review.md's limit, counted in Unicode characters (an emoji is one), not in UTF-16 code units.</summary>
    public const int MostCharacters = 4000;

    /// <summary>
    /// Why a text cannot be commentary, or null when it can: over the limit, or holding a control character other than a
    /// tab or a line break (one would print as nothing, or as a box, where the writer saw none).
    /// </summary>
    public static string? Problem(string text)
    {
        var characters = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            characters++;
            if (Rune.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\r'))
                return $"holds a control character (U+{rune.Value:X4}) at character {characters}";
        }
        return characters > MostCharacters ? $"is {characters:N0} characters long; at most {MostCharacters:N0} are allowed" : null;
    }

    /// <summary>The text's paragraphs, split by blank lines, each as written (its own line breaks kept); none when it is blank.</summary>
    public IReadOnlyList<string> Paragraphs() => Foundation.PlainText.Paragraphs(Text);
}
