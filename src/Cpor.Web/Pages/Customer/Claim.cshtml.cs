using Cpor.Domain;
using Cpor.Web.Features.Consent;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Customer;

/// <summary>
/// One claim on the customer's tenant: who claims what, where it stands, its associations, and
/// the customer's say — opt out during the consent window, or end an official association after a
/// confirmation step — through the API's <see cref="CustomerDecisions"/>.
/// </summary>
public sealed class ClaimModel(CustomerClaims claims, IStringLocalizer<ErrorMessages> messages) : RecordPageModel(messages)
{
    /// <summary>The value of <c>?confirm=</c> that asks to confirm ending the association.</summary>
    public const string ConfirmEnd = "end";

    /// <summary>The version the page was rendered from, sent as If-Match.</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [FromQuery(Name = "confirm")]
    public string? Confirm { get; set; }

    public CustomerClaimResponse Claim { get; private set; } = null!;

    /// <summary>The confirmation step of ending the association is shown.</summary>
    public bool ConfirmingEnd => Confirm == ConfirmEnd && Claim.CanEnd;

    /// <summary>Approved, but the window to opt out is over (the clock has not made it official yet).</summary>
    public bool WindowClosed => Claim.Status == ClaimStatus.Approved && !Claim.CanOptOut;

    /// <summary>The API's own sentence for an opt-out after the window.</summary>
    public string WindowClosedMessage => Problems.Detail(Messages, new DomainError(ErrorCodes.ConsentWindowClosed));

    public string WindowClosedTitle => Messages[ErrorCodes.ConsentWindowClosed];

    public async Task<IActionResult> OnPostOptOutAsync([FromServices] CustomerDecisions decisions, CancellationToken ct) =>
        await AfterAsync((await decisions.OptOutAsync(Id, new CustomerDecisionRequest(Comment), ETags.For(Version), ct)).Errors, "customerClaims.flash.optedOut", ct);

    public async Task<IActionResult> OnPostEndAsync([FromServices] CustomerDecisions decisions, CancellationToken ct)
    {
        var errors = (await decisions.EndAsync(Id, new CustomerDecisionRequest(Comment), ETags.For(Version), ct)).Errors;
        if (errors.Count > 0)
        {
            // Stay on the confirmation step, with what was typed and why it was refused.
            Confirm = ConfirmEnd;
        }

        return await AfterAsync(errors, "customerClaims.flash.ended", ct);
    }

    private Task<IActionResult> AfterAsync(IReadOnlyList<DomainError> errors, string flash, CancellationToken ct) =>
        AfterAsync(errors, flash, field => field == "comment" ? "decision-comment" : null, ct);

    /// <summary>Loads the claim; null when it may be shown, else the answer (404) to give.</summary>
    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var found = await claims.FindAsync(Id, ct);
        if (!found.IsSuccess)
        {
            return Unavailable(found.Errors) ?? NotFound();
        }

        (Claim, Version) = found.Value!;
        return null;
    }
}
