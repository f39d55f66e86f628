namespace ReportEngine.Gathering.Csv;

/// <summary>Collects errors up to the contract's limit of 100 per pass.</summary>
internal sealed class ErrorList
{
    public const int Limit = 100;
    private readonly List<DatasetError> _errors = [];

    public bool IsFull => _errors.Count >= Limit;
    public int Count => _errors.Count;
    public IReadOnlyList<DatasetError> Errors => _errors;

    public void Add(DatasetError error)
    {
        if (!IsFull) _errors.Add(error);
    }
}
