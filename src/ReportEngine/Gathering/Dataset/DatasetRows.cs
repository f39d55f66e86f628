namespace ReportEngine.Gathering.Dataset;

/// <summary>The rows read from each file of a dataset folder, with their lines, for the checks across rows and files.</summary>
internal sealed class DatasetRows
{
    private readonly Dictionary<DatasetFile, object> _read = [];

    /// <summary>The files the folder has.</summary>
    public HashSet<string> Supplied { get; } = new(StringComparer.Ordinal);

    /// <param name="rows">What the file gave (<see cref="DatasetFile"/> reads it); null when it could not be read as text.</param>
    public void Add(DatasetFile file, object? rows)
    {
        if (rows is not null) _read[file] = rows;
        Supplied.Add(file.FileName);
    }

    /// <summary>A file's rows that kept their own rules; none when the folder lacks it.</summary>
    public IReadOnlyList<Lined<T>> Of<T>(DatasetFile<T> file) => _read.TryGetValue(file, out var rows) ? (IReadOnlyList<Lined<T>>)rows : [];

    /// <summary>Puts every file's rows into the evidence; a file the folder lacks is left as absent.</summary>
    public EvidenceParts Fill()
    {
        var parts = new EvidenceParts();
        foreach (var file in DatasetFiles.All) file.Fill(parts, _read.GetValueOrDefault(file));
        return parts;
    }
}
