using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>
/// "+ Customer association", first step: the claim's fields in the order of the program's create
/// page, created as a Draft by <see cref="CreateClaim"/>; the proof of execution comes next.
/// </summary>
public sealed class NewModel(
    CreateClaim create, CheckCustomer checkCustomer, ClaimFormChoices choices, CurrentUser user, Display display, IStringLocalizer<ErrorMessages> messages)
    : CporPageModel
{
    [BindProperty]
    public ClaimForm Form { get; set; } = new();

    public ClaimFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ClaimPermissions.CanCreate(user))
        {
            return Forbidden();
        }

        Form.PartnerName = user.Name;
        Form.PartnerEmail = user.Email;
        View = await choices.LoadAsync(Form, FormErrors.None, _ => true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await create.HandleAsync(Form.ToInput(), ct);
        if (outcome.IsSuccess)
        {
            Flash("flash.draftCreated");
            return RedirectToPage("/Partner/Claims/Finish", new { id = outcome.Value!.Id });
        }

        if (Unavailable(outcome.Errors) is { } unavailable)
        {
            return unavailable;
        }

        View = await choices.LoadAsync(Form, FormErrors.From(outcome.Errors, messages, Form.InputOf), _ => true, ct);
        return Refused();
    }

    /// <summary>Without script: checks the customer and shows the form again with the tenant's subscriptions.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (!ClaimPermissions.CanCreate(user))
        {
            return Forbidden();
        }

        var check = await checkCustomer.HandleAsync(Form.TenantId, Form.CustomerDomain, ct);
        View = await choices.LoadAsync(Form, check.IsSuccess ? FormErrors.None : FormErrors.From(check.Errors, messages, Form.InputOf), _ => true, ct);
        return Page();
    }

    /// <summary>The on-the-spot check of the form's script: is the domain the tenant's, and what can be claimed there.</summary>
    public async Task<IActionResult> OnGetCustomerAsync(string? tenantId, string? customerDomain, CancellationToken ct)
    {
        var check = await checkCustomer.HandleAsync(tenantId, customerDomain, ct);
        if (Unavailable(check.Errors) is { } unavailable)
        {
            return unavailable;
        }

        return new JsonResult(CustomerCheckJson.From(check, display, messages, Form.InputOf));
    }
}
