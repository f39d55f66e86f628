using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Gathering;
using ReportEngine.PostgreSql;
using ReportEngine.Service.Web.Datasets;
using ReportEngine.Service.Web.Security;

namespace ReportEngine.Service.Web.Pages.Datasets;

/// <summary>
/// Upload data (web.md version 2): an authority's dataset as its CSV files or one zip, checked as <c>validate</c> does;
/// every error in the summary, or a preview (rows per file, coverage, the periods each report may be made for) and an
/// explicit "Import" that replaces the authority's evidence.
/// </summary>
public sealed class UploadModel(DatasetDesk desk, PostgresEvidenceStore evidence) : PageModel
{
    /// <summary>The authorities the person may upload; an Admin may also name a new one.</summary>
    public IReadOnlyList<string> Authorities { get; private set; } = [];
    public bool MayNameNew { get; private set; }

    [BindProperty] public string? Authority { get; set; }
    [BindProperty] public string? NewAuthority { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>The contract's errors, each as <c>file:line: column: message</c>.</summary>
    public IReadOnlyList<DatasetError> DatasetErrors { get; private set; } = [];
    public StagedDataset? Staged { get; private set; }
    public DatasetOutcome.Imported? Imported { get; private set; }
    public long MaxBytes => desk.MaxBytes;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var authority = MayNameNew && !string.IsNullOrWhiteSpace(NewAuthority) ? NewAuthority.Trim() : Authority;
        if (string.IsNullOrEmpty(authority)) Errors["authority"] = "Choose the authority whose data this is";
        else if (MayNameNew && !string.IsNullOrWhiteSpace(NewAuthority) && !Foundation.SafePath.IsAuthorityCode(authority))
            Errors["new-authority"] = Foundation.SafePath.AuthorityCodeRefusal(authority);
        if (Request.Form.Files.Count == 0) Errors["files"] = "Choose the dataset's CSV files, or one zip of them";
        if (Errors.Count > 0) return Answer(400);
        var outcome = await desk.UploadAsync(authority, HttpContext.Account(),
            folder => UploadParts.WriteAsync(Request.Form.Files, folder, desk.MaxBytes, cancellationToken), HttpContext.Address(), cancellationToken);
        switch (outcome)
        {
            case DatasetOutcome.Staged staged:
                Staged = staged.Dataset;
                return Page();
            case DatasetOutcome.Invalid invalid:
                DatasetErrors = invalid.Errors;
                Errors["files"] = $"The dataset has {invalid.Errors.Count} {(invalid.Errors.Count == 1 ? "error" : "errors")}; nothing was imported";
                return Answer(422);
            case DatasetOutcome.Refused refused:
                Errors["files"] = refused.Reason;
                return Answer(refused.Status);
            default:
                Errors["authority"] = "Choose an authority from the list";
                return Answer(400);
        }
    }

    public async Task<IActionResult> OnPostImportAsync(Guid dataset, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        switch (await desk.ImportAsync(dataset, HttpContext.Account(), HttpContext.Address(), cancellationToken))
        {
            case DatasetOutcome.Imported imported:
                Imported = imported;
                return Page();
            case DatasetOutcome.Gone gone:
                Errors["files"] = gone.Reason;
                return Answer(410);
            case DatasetOutcome.Refused refused:
                Errors["files"] = refused.Reason;
                return Answer(refused.Status);
            default:
                return NotFound();
        }
    }

    private PageResult Answer(int status)
    {
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var account = HttpContext.Account();
        Authorities = (await evidence.AuthoritiesAsync(cancellationToken)).Where(account.MayUpload).ToList();
        MayNameNew = account.Role == Accounts.Role.Admin;
    }

    /// <summary>A period list shortened for the page: the newest few and how many more.</summary>
    public static string Shortened(IReadOnlyList<string> periods) =>
        periods.Count == 0 ? "none" : periods.Count <= 6 ? string.Join(", ", periods) : $"{string.Join(", ", periods.Take(6))} and {periods.Count - 6} earlier";
}
