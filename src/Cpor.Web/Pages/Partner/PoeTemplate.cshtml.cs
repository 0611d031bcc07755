using Microsoft.AspNetCore.Mvc;

namespace Cpor.Web.Pages.Partner;

/// <summary>The PoE template document in the page's language (the same document as GET /api/v1/poe-template).</summary>
public sealed class PoeTemplateModel(Features.Claims.PoeTemplate template, TimeProvider time) : CporPageModel
{
    public IActionResult OnGet() =>
        new FileContentResult(template.Build(), Features.Claims.PoeTemplate.ContentType) { FileDownloadName = "poe-template.docx", LastModified = time.GetUtcNow() };
}
