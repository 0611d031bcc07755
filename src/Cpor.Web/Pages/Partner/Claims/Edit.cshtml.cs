using System.Text.Json;
using System.Text.Json.Nodes;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>
/// Edits a claim in the statuses that allow it, with <see cref="EditClaim"/>: the form becomes a
/// JSON merge patch of the fields the status lets the partner change; the others are shown locked.
/// </summary>
public sealed class EditModel(
    CporDb db, CurrentUser user, EditClaim edit, ClaimFormChoices choices, IOptions<HttpJsonOptions> json, IStringLocalizer<ErrorMessages> messages)
    : CporPageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty]
    public ClaimForm Form { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public Claim Claim { get; private set; } = null!;

    public ClaimFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } unavailable)
        {
            return unavailable;
        }

        Form = ClaimForm.From(ClaimInput.From(Claim));
        Version = Claim.Version;
        View = await choices.LoadAsync(Form, FormErrors.None, Editable, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } unavailable)
        {
            return unavailable;
        }

        KeepLockedValues();
        var outcome = await edit.HandleAsync(Id, Patch(Form.ToInput()), ETags.For(Version), ct);
        if (outcome.IsSuccess)
        {
            Flash("flash.saved");
            return RedirectToPage("/Partner/Claims/Claim", new { Id });
        }

        if (Unavailable(outcome.Errors) is { } refused)
        {
            return refused;
        }

        View = await choices.LoadAsync(Form, FormErrors.From(outcome.Errors, messages, Form.InputOf), Editable, ct);
        return Refused();
    }

    /// <summary>Without script: checks the customer and shows the form again with the tenant's subscriptions.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } unavailable)
        {
            return unavailable;
        }

        KeepLockedValues();
        View = await choices.LoadAsync(Form, FormErrors.None, Editable, ct);
        return Page();
    }

    /// <summary>Locked fields are not posted (their inputs are disabled): the form shows the claim's own values for them.</summary>
    private void KeepLockedValues()
    {
        var current = ClaimForm.From(ClaimInput.From(Claim));
        Form.Name = Editable("name") ? Form.Name : current.Name;
        Form.ExternalId = Editable("externalId") ? Form.ExternalId : current.ExternalId;
        Form.MpnId = Editable("mpnId") ? Form.MpnId : current.MpnId;
        Form.TenantId = Editable("tenantId") ? Form.TenantId : current.TenantId;
        Form.CustomerDomain = Editable("customerDomain") ? Form.CustomerDomain : current.CustomerDomain;
        Form.SolutionArea = Editable("solutionArea") ? Form.SolutionArea : current.SolutionArea;
        Form.Activity = Editable("activity") ? Form.Activity : current.Activity;
        if (!Editable("revenueAssociation"))
        {
            (Form.SellerName, Form.RevenueCustomerName, Form.IsvProductName) = (current.SellerName, current.RevenueCustomerName, current.IsvProductName);
        }
    }

    private bool Editable(string field) => ClaimLifecycle.CanEdit(Claim.Status, field);

    /// <summary>The fields the status lets the partner change, as typed; locked fields are left out (and were not posted).</summary>
    private JsonObject Patch(ClaimInput input)
    {
        var typed = JsonSerializer.SerializeToNode(input, json.Value.SerializerOptions)!.AsObject();
        var patch = new JsonObject();
        foreach (var (field, value) in typed)
        {
            if (Editable(field))
            {
                patch[field] = value?.DeepClone();
            }
        }

        return patch;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var claim = await ClaimReads.FindVisibleAsync(db, user, Id, ct);
        if (claim is null)
        {
            return NotFound();
        }

        Claim = claim;
        if (!ClaimPermissions.CanManage(user))
        {
            return Forbidden();
        }

        return ClaimLifecycle.EditScopeOf(claim.Status) == EditScope.Nothing ? RedirectToPage("/Partner/Claims/Claim", new { Id }) : null;
    }
}
