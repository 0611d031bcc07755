using Cpor.Domain;
using Cpor.Web.Features.Directory;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Admin;

/// <summary>
/// Directory import (program admins): NDJSON or CSV files, read like the API's multipart import
/// (<see cref="ImportFiles"/>) and imported by the same <see cref="DirectoryImporter"/>; the report
/// lists every refused line. The page's script sends the files with an upload progress bar.
/// </summary>
[ImportLimits]
public sealed class DirectoryModel(DirectoryImporter importer, CurrentUser user, IStringLocalizer<ErrorMessages> messages) : CporPageModel
{
    [BindProperty]
    public bool DryRun { get; set; }

    public ImportReport? Report { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!user.IsProgramAdmin)
        {
            return Forbidden();
        }

        var files = Request.Form.Files.Select(f => new ImportFile(f.FileName, f.Name == "files" ? null : f.Name, f.OpenReadStream)).ToList();
        var ordered = files.Count == 0 ? null : ImportFiles.Order(files);
        DomainError? error = files.Count == 0 ? new DomainError(ErrorCodes.AttachmentRequired, "files")
            : ordered is null ? new DomainError(ErrorCodes.ImportTypeUnknown, "files")
            : null;
        if (error is null)
        {
            try
            {
                Report = await importer.ImportAsync(ImportFiles.LinesAsync(ordered!, ct), DryRun, ct);
            }
            catch (ImportMalformedException e)
            {
                error = new DomainError(ErrorCodes.ImportMalformed, "files", e.Line, e.Message);
            }
        }

        if (error is not null)
        {
            Errors = FormErrors.From([error], messages, _ => "import-files");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return IsFragmentRequest ? Partial("_ImportReport", this) : Page();
    }
}
