using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReportEngine.Service.Web.Datasets;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Api;

/// <summary><c>POST /api/v1/datasets</c> and its import (web.md version 2): a dataset uploaded, validated and previewed; then imported once.</summary>
internal static class DatasetsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/datasets", async (string? authority, HttpContext context, DatasetDesk desk, CancellationToken cancellationToken) =>
            {
                var outcome = await UploadAsync(authority, context, desk, cancellationToken);
                return outcome switch
                {
                    DatasetOutcome.Staged s => Results.Json(new DatasetView(s.Dataset.Id, s.Dataset.Authority,
                        s.Dataset.Preview.Files.Select(f => new FileView(f.File, f.Rows)).ToList(), s.Dataset.Preview.Coverage(), s.Dataset.Preview.Periods), statusCode: 201),
                    _ => Answer(outcome),
                };
            })
            .DisableAntiforgery()
            .WithName("UploadDataset")
            .WithSummary("Upload a dataset (multipart: one part 'zip', or one part 'file' per CSV file), validated as validate does; nothing is imported")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<DatasetView>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(413).ProducesProblem(422);

        api.MapPost("/datasets/{datasetId:guid}/import", async (Guid datasetId, HttpContext context, DatasetDesk desk, CancellationToken cancellationToken) =>
                await desk.ImportAsync(datasetId, context.Account(), context.Address(), cancellationToken) switch
                {
                    DatasetOutcome.Imported imported => Results.Ok(new ImportedView(imported.Authority, imported.Rows)),
                    var other => Answer(other),
                })
            .WithName("ImportDataset")
            .WithSummary("Replace the authority's evidence with an uploaded dataset, as import does; once, within ReportEngine__Uploads__KeepHours of its upload")
            .Produces<ImportedView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(410);
    }

    /// <summary>
    /// The upload's parts written out: one named <c>zip</c>, or one named <c>file</c> per CSV file; never both. The body
    /// is read only once the desk has found that the person may upload the authority's dataset.
    /// </summary>
    private static Task<DatasetOutcome> UploadAsync(string? authority, HttpContext context, DatasetDesk desk, CancellationToken cancellationToken) =>
        desk.UploadAsync(authority, context.Account(), async folder =>
        {
            var form = await UploadParts.ReadFormAsync(context, desk.MaxBytes, cancellationToken);
            await UploadParts.WriteAsync(form.Files, folder, desk.MaxBytes, cancellationToken);
        }, context.Address(), cancellationToken);

    private static IResult Answer(DatasetOutcome outcome) => outcome switch
    {
        DatasetOutcome.Invalid invalid => Results.Json(new
        {
            type = "about:blank", title = "The dataset breaks the data contract", status = 422,
            detail = $"{invalid.Errors.Count} error(s); nothing was kept", errors = invalid.Errors.Select(e => new { file = e.File, line = e.Line, column = e.Column, message = e.Message }),
        }, statusCode: 422, contentType: "application/problem+json"),
        DatasetOutcome.Refused refused => Problems.Result(refused.Status, refused.Status switch { 403 => "Not allowed", 413 => "Too large", _ => "Not a dataset" }, refused.Reason),
        DatasetOutcome.Gone gone => Problems.Result(410, "No longer there to import", gone.Reason),
        _ => RequestsApi.NotFound(),
    };
}

/// <summary>An uploaded dataset's preview (web.md version 2).</summary>
public sealed record DatasetView(Guid DatasetId, string Authority, IReadOnlyList<FileView> Files, IReadOnlyDictionary<string, object> Coverage,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Periods);

public sealed record FileView(string File, int Rows);

public sealed record ImportedView(string Authority, int Rows);
