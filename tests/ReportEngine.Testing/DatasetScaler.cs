using System.Globalization;
using CsvHelper;

namespace ReportEngine.Testing;

/// <summary>
/// Makes a dataset N times the size of another: every row of the per-person and per-case files is repeated N times
/// with its keys (and the keys it refers to) suffixed, so the copy stays valid. Reference files are kept as they are.
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

    public static void Scale(string source, string target, int times)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*.csv"))
        {
            var name = Path.GetFileName(file);
            if (!Scaled.TryGetValue(name, out var keyColumns))
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
