using Cpor.Web.Features.Admin;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Admin.Partners;

/// <summary>Partner organisations (program admins); a partner's global admin goes straight to their own.</summary>
public sealed class IndexModel(PartnerAdmin partners, CurrentUser user, IStringLocalizer<ErrorMessages> messages) : CporPageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<PartnerResponse> Partners { get; private set; } = [];

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.IsProgramAdmin)
        {
            return RedirectToPage("/Admin/Partners/Partner", new { id = user.PartnerOrgId });
        }

        return await ListAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await partners.CreateAsync(new CreatePartnerRequest(Name), ct);
        if (created.IsSuccess)
        {
            Flash("flash.partnerCreated");
            return RedirectToPage("/Admin/Partners/Partner", new { id = created.Value!.Id });
        }

        if (Unavailable(created.Errors) is { } unavailable)
        {
            return unavailable;
        }

        Errors = FormErrors.From(created.Errors, messages, field => field == "name" ? "partner-name" : null);
        return await ListAsync(ct) ?? Refused();
    }

    private async Task<IActionResult?> ListAsync(CancellationToken ct)
    {
        var list = await partners.ListAsync(ct);
        Partners = list.Value ?? [];
        return Unavailable(list.Errors);
    }
}
