using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using FsCheck;
using FsCheck.Fluent;

namespace ReportEngine.Tests.Properties;

/// <summary>One change to a copy of the sample dataset: what a spreadsheet, an export or a person might do to it.</summary>
public abstract partial record DatasetMutation(string File)
{
    /// <summary>One to three changes at once.</summary>
    public static Arbitrary<DatasetMutation[]> Several =>
        Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Any, n)).ToArbitrary();

    /// <summary>How every refusal names its place: <c>file.csv:LINE: column: message</c>, or <c>file.csv: message</c> for the file as a whole.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^(?<file>[a-z0-9_]+\.csv)(:(?<line>\d+))?: \S")]
    public static partial System.Text.RegularExpressions.Regex ErrorLine();

    /// <summary>A cell set to another value, written as valid CSV (quoted when it needs to be).</summary>
    public sealed record SetCell(string File, int Row, int Column, string Value) : DatasetMutation(File);

    /// <summary>A row (the header included, as row 0) removed.</summary>
    public sealed record DeleteRow(string File, int Row) : DatasetMutation(File);

    /// <summary>A row written twice.</summary>
    public sealed record DuplicateRow(string File, int Row) : DatasetMutation(File);

    /// <summary>The file cut short at a character offset (a copy that did not finish).</summary>
    public sealed record Truncate(string File, int Fraction) : DatasetMutation(File);

    /// <summary>Text inserted as it is, not as CSV: stray quotes, commas, line breaks.</summary>
    public sealed record Insert(string File, int Fraction, string Text) : DatasetMutation(File);

    /// <summary>Random bytes written over part of the file.</summary>
    public sealed record Bytes(string File, int Fraction, byte[] Data) : DatasetMutation(File);

    /// <summary>The file removed.</summary>
    public sealed record Remove(string File) : DatasetMutation(File);

    public static string[] Files { get; } =
        Directory.EnumerateFiles(Repo.Sample, "*.csv").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Values that have broken parsers before: empty, signs, huge numbers, impossible dates, other date formats, markup, bidi controls, quotes.</summary>
    private static readonly string[] Awkward =
    [
        "", " ", "-1", "0", "1.5", "99999999999999999999", "1e9", "NaN", "2023-02-30", "2024-13-01", "31/01/2024", "2024-1-5",
        "0001-01-01", "9999-12-31", "yes", "TRUE", "null", "\"", "a,b", "line\nbreak", "=1+1", "<script>alert(1)</script>",
        "😀", "\u202Eevil", "\t", new string('x', 5000), "UPHELD", "AGENCY", "LEARNING", "NDC",
    ];

    public static Gen<DatasetMutation> Any { get; } = Gen.OneOf(
        from file in Gen.Elements(Files)
        from row in Gen.Choose(1, 400)
        from column in Gen.Choose(0, 12)
        from value in Gen.OneOf(Gen.Elements(Awkward), ArbMap.Default.GeneratorFor<string>().Where(s => s is not null))
        select (DatasetMutation)new SetCell(file, row, column, value),
        from file in Gen.Elements(Files) from row in Gen.Choose(0, 400) select (DatasetMutation)new DeleteRow(file, row),
        from file in Gen.Elements(Files) from row in Gen.Choose(1, 400) select (DatasetMutation)new DuplicateRow(file, row),
        from file in Gen.Elements(Files) from fraction in Gen.Choose(0, 99) select (DatasetMutation)new Truncate(file, fraction),
        from file in Gen.Elements(Files)
        from fraction in Gen.Choose(0, 99)
        from text in Gen.Elements("\"", ",", "\n", "\r\n", ",,,,", "\"a\"b\"", "\u0000", "\uFEFF")
        select (DatasetMutation)new Insert(file, fraction, text),
        from file in Gen.Elements(Files)
        from fraction in Gen.Choose(0, 99)
        from data in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
        select (DatasetMutation)new Bytes(file, fraction, data),
        Gen.Elements(Files).Select(f => (DatasetMutation)new Remove(f)));

    /// <summary>Applies the change to the file in <paramref name="folder"/>.</summary>
    public void ApplyTo(string folder)
    {
        var path = Path.Combine(folder, File);
        if (!System.IO.File.Exists(path)) return;
        // A file an earlier change emptied has no rows to change.
        if (this is SetCell or DeleteRow or DuplicateRow && ReadRows(path).Count == 0) return;
        switch (this)
        {
            case SetCell cell:
                var rows = ReadRows(path);
                var (r, c) = (cell.Row % rows.Count, 0);
                if (r == 0) r = Math.Min(1, rows.Count - 1);
                c = cell.Column % rows[r].Length;
                rows[r][c] = cell.Value;
                WriteRows(path, rows);
                break;
            case DeleteRow delete:
                var remaining = ReadRows(path);
                remaining.RemoveAt(delete.Row % remaining.Count);
                WriteRows(path, remaining);
                break;
            case DuplicateRow duplicate:
                var all = ReadRows(path);
                var at = Math.Max(1, duplicate.Row % all.Count);
                if (at < all.Count) all.Insert(at, all[at]);
                WriteRows(path, all);
                break;
            case Truncate truncate:
                var text = System.IO.File.ReadAllText(path);
                System.IO.File.WriteAllText(path, text[..(text.Length * truncate.Fraction / 100)]);
                break;
            case Insert insert:
                var whole = System.IO.File.ReadAllText(path);
                var offset = whole.Length * insert.Fraction / 100;
                System.IO.File.WriteAllText(path, whole[..offset] + insert.Text + whole[offset..]);
                break;
            case Bytes bytes:
                var content = System.IO.File.ReadAllBytes(path);
                var start = content.Length * bytes.Fraction / 100;
                var changed = content[..start].Concat(bytes.Data).Concat(content[Math.Min(content.Length, start + bytes.Data.Length)..]).ToArray();
                System.IO.File.WriteAllBytes(path, changed);
                break;
            case Remove:
                System.IO.File.Delete(path);
                break;
        }
    }

    private static List<string[]> ReadRows(string path)
    {
        // An earlier change in the same case may have left stray quotes: read them as a lenient spreadsheet would, since
        // the change being made, not this reading, is what the property is about.
        var lenient = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null };
        using var reader = new CsvParser(new StreamReader(path, Encoding.UTF8), lenient);
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(reader.Record!);
        return rows;
    }

    private static void WriteRows(string path, List<string[]> rows)
    {
        using var writer = new CsvWriter(new StreamWriter(path, false, new UTF8Encoding(false)), CultureInfo.InvariantCulture);
        foreach (var row in rows)
        {
            foreach (var field in row) writer.WriteField(field);
            writer.NextRecord();
        }
    }

    public override string ToString() => this switch
    {
        SetCell s => $"{File}: row {s.Row}, column {s.Column} set to '{(s.Value.Length > 40 ? s.Value[..40] + "…" : s.Value)}'",
        Bytes b => $"{File}: {b.Data.Length} random bytes at {b.Fraction}%",
        _ => base.ToString()!,
    };
}
