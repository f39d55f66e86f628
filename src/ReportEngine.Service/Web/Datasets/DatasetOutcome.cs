using ReportEngine.Gathering;

namespace ReportEngine.Service.Web.Datasets;

/// <summary>What became of an upload or an import; the page and the API each answer every case.</summary>
public abstract record DatasetOutcome
{
    public sealed record Staged(StagedDataset Dataset) : DatasetOutcome;

    /// <summary>The files break the data contract: every error found, as <c>validate</c> gives them (up to 100).</summary>
    public sealed record Invalid(IReadOnlyList<DatasetError> Errors) : DatasetOutcome;

    /// <summary>Refused before or instead of the contract's checks: 403, 413 or 422, with why.</summary>
    public sealed record Refused(int Status, string Reason) : DatasetOutcome;

    public sealed record NotFound : DatasetOutcome;

    /// <summary>Imported already, or uploaded longer ago than <see cref="UploadOptions.KeepHours"/>.</summary>
    public sealed record Gone(string Reason) : DatasetOutcome;

    public sealed record Imported(string Authority, int Rows) : DatasetOutcome;
}
