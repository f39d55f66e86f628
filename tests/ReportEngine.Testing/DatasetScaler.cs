using System.Globalization;
using CsvHelper;

namespace ReportEngine.Testing;

/// <summary>
/// Makes a dataset N times the size of another: every row of the per-person and per-case files is repeated N times
/// with its keys (and the keys it refers to) suffixed, so the copy stays valid. Reference files are kept as they are.
/// operations.md's files are scaled only when asked: their rows are most of the sample's, and the tests that want a slow
/// pack want it from the files every dataset has.
/// </summary>
public static class DatasetScaler
{
    // file → columns holding a key, or a reference to a key, that each copy must rename.
    private static readonly Dictionary<string, string[]> Scaled = new()
    {
        ["complaints.csv"] = ["ref"],
        ["lgsco_cases.csv"] = ["lgsco_ref", "complaint_ref"],
        ["findings.csv"] = ["id"],
        ["staff.csv"] = ["staff_id"],
        ["training.csv"] = ["staff_id"],
        ["supervision.csv"] = ["staff_id"],
        ["actions.csv"] = ["id"],
    };

    private static readonly Dictionary<string, string[]> Operations = new()
    {
        ["waits.csv"] = ["id", "person_id"],
        ["long_term_support.csv"] = ["person_id"],
        ["reviews.csv"] = ["person_id"],
        ["safeguarding_concerns.csv"] = ["id", "person_id"],
        ["safeguarding_enquiries.csv"] = ["id", "concern_id"],
        ["dols_applications.csv"] = ["id", "person_id"],
    };

    /// <summary>The names of operations.md's files, for a benchmark that measures a dataset with and without them.</summary>
    public static IReadOnlyCollection<string> OperationsFiles => Operations.Keys;

    public static void Scale(string source, string target, int times, bool operations = false)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*.csv"))
        {
            var name = Path.GetFileName(file);
            if (!Scaled.TryGetValue(name, out var keyColumns) && !(operations && Operations.TryGetValue(name, out keyColumns)))
            {
                File.Copy(file, Path.Combine(target, name), overwrite: true);
                continue;
            }
            using var reader = new CsvReader(new StreamReader(file), CultureInfo.InvariantCulture);
            var rows = new List<string[]>();
            reader.Read();
            reader.ReadHeader();
            var header = reader.HeaderRecord!;
            while (reader.Read()) rows.Add(reader.Parser.Record!);
            var keys = keyColumns.Select(c => Array.IndexOf(header, c)).ToArray();

            using var writer = new CsvWriter(new StreamWriter(Path.Combine(target, name)), CultureInfo.InvariantCulture);
            foreach (var h in header) writer.WriteField(h);
            writer.NextRecord();
            for (var copy = 0; copy < times; copy++)
            {
                foreach (var row in rows)
                {
                    for (var i = 0; i < row.Length; i++)
                        writer.WriteField(copy > 0 && keys.Contains(i) && row[i].Length > 0 ? $"{row[i]}-{copy}" : row[i]);
                    writer.NextRecord();
                }
            }
        }
    }
}
