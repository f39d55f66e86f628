namespace ReportEngine.Service.Web.Datasets;

/// <summary>A dataset uploaded and validated, waiting for "Import": its files as one zip, and the preview shown for it.</summary>
public sealed record StagedDataset(Guid Id, string Authority, string UploadedBy, DateTimeOffset UploadedAt, DateTimeOffset? ImportedAt, DatasetPreview Preview);
