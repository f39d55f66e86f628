using ReportEngine.Evidence;
using ReportEngine.Gathering.Csv;

namespace ReportEngine.Gathering.Dataset;

/// <summary>Whether a dataset must have a file, and what its absence means.</summary>
public enum FileNeed
{
    Required,

    /// <summary>Optional; a dataset without it reads as one with the file and no rows.</summary>
    OptionalEmptyWhenAbsent,

    /// <summary>Optional; a dataset without it reads differently from an empty file (its figures are left out), so the store records that it was supplied.</summary>
    Optional,
}

/// <summary>
/// One file of the data contract, described once: its columns (in file and table order), how a row becomes a record
/// and the rules it must keep, its PostgreSQL table, its place in the <see cref="EvidenceSet"/> and whether it records
/// dated events (coverage.md). Validation, gathering from a folder or the database, import and the frozen snapshot all
/// follow from it: adding a file is its record type, one declaration in <see cref="DatasetFiles"/> and its checks.
/// </summary>
public abstract class DatasetFile
{
    private protected DatasetFile(string fileName, string? table, FileNeed need)
    {
        FileName = fileName;
        Table = table;
        Need = need;
    }

    public string FileName { get; }

    /// <summary>Its table in the evidence schema; null for authority.csv, whose one row is the authority's own.</summary>
    public string? Table { get; }

    public FileNeed Need { get; }

    /// <summary>An event file of coverage.md: its rows are dated events, so what it covers can end early.</summary>
    public bool Events => EventFiles.Contains(FileName);

    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Each row's values in <see cref="Columns"/> order, for storing; null when the evidence lacks the file.</summary>
    public abstract IEnumerable<object?[]>? ValuesIn(EvidenceSet evidence);

    /// <summary>Reads stored rows (null when the dataset lacked the file) into the evidence being put together; each row is read as it comes.</summary>
    public abstract Task FillAsync(EvidenceParts parts, IAsyncEnumerable<IRowValues>? rows, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a CSV file's records to its end: the rows that keep their own rules, as <see cref="DatasetRows"/> holds them,
    /// with each broken rule in <paramref name="errors"/>.
    /// </summary>
    /// <param name="lines">The file's lines: it holds at most that many records, and its rows are kept in a list made that
    /// long once rather than grown (each growth copied every row read so far: a sixth of the long report's allocations,
    /// 1,118 → 921 MB).</param>
    internal abstract object Read(CsvRecords records, ErrorList errors, int lines);

    /// <summary>Puts the rows <see cref="Read"/> gave (null: the file was not supplied) into the evidence being put together.</summary>
    internal abstract void Fill(EvidenceParts parts, object? read);
}

/// <summary>A value of a row, by column.</summary>
/// <param name="Optional">A column a file may leave out of its header (a later addition to the contract); its cells then read as empty.</param>
internal sealed record DatasetColumn<T>(string Name, Func<T, object?> Value, bool Optional = false);

/// <param name="Map">Reads one row and checks the rules within it (rules across rows and files are in the checks).</param>
/// <param name="Slot">Where the rows go in the evidence and come from: null there when the dataset lacks the file.</param>
internal sealed class DatasetFile<T>(
    string fileName,
    string? table,
    IReadOnlyList<DatasetColumn<T>> columns,
    Func<IRowValues, T> map,
    EvidenceSlot<T> slot,
    FileNeed need = FileNeed.Required) : DatasetFile(fileName, table, need)
{
    public override IReadOnlyList<string> Columns { get; } = columns.Select(c => c.Name).ToArray();

    public override IEnumerable<object?[]>? ValuesIn(EvidenceSet evidence) =>
        slot.Get(evidence)?.Select(row => columns.Select(c => c.Value(row)).ToArray());

    public override async Task FillAsync(EvidenceParts parts, IAsyncEnumerable<IRowValues>? rows, CancellationToken cancellationToken)
    {
        if (rows is null)
        {
            slot.Set(parts, null);
            return;
        }
        var read = new List<T>();
        await foreach (var row in rows.WithCancellation(cancellationToken)) read.Add(map(row));
        slot.Set(parts, read);
    }

    internal override object Read(CsvRecords records, ErrorList errors, int lines)
    {
        var missing = columns.Where(c => !c.Optional && !records.Columns.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        foreach (var column in missing) errors.Add(new DatasetError(FileName, 1, column, "column is missing from the header"));

        // Every record is read, even when none can be kept, so that the file's records are counted and a place where it
        // stops being CSV is found.
        var rows = new LinedRows<T>(lines);
        var reader = new RowReader(records, errors);
        while (reader.Read())
        {
            if (missing.Count > 0 || errors.IsFull) continue;
            var row = map(reader);
            if (!reader.HasErrors) rows.Add(records.Line, row);
        }
        return rows;
    }

    internal override void Fill(EvidenceParts parts, object? read) => slot.Set(parts, (read as LinedRows<T>)?.Rows);
}

/// <summary>How a file's rows are taken from an <see cref="EvidenceSet"/> and put into <see cref="EvidenceParts"/>.</summary>
internal sealed record EvidenceSlot<T>(Func<EvidenceSet, IReadOnlyList<T>?> Get, Action<EvidenceParts, IReadOnlyList<T>?> Set);

/// <summary>A record and the physical line of the file it starts on.</summary>
internal readonly record struct Lined<T>(int Line, T Row);

/// <summary>The shorthand of the declarations in <see cref="ContractTables"/> and <see cref="CareActTables"/>.</summary>
internal static class Declare
{
    public static DatasetColumn<T> C<T>(string name, Func<T, object?> value, bool optional = false) => new(name, value, optional);

    public static EvidenceSlot<T> Slot<T>(Func<EvidenceSet, IReadOnlyList<T>?> get, Action<EvidenceParts, IReadOnlyList<T>?> set) => new(get, set);
}
