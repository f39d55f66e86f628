namespace ReportEngine.Service.Web.Datasets;

/// <summary>An upload refused before its files were checked against the data contract: too large (413) or not a dataset's files (422).</summary>
public sealed class UploadRefusedException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
