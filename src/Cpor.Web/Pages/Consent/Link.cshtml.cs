using Cpor.Web.Features.Consent;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Consent;

/// <summary>
/// The page the approval e-mail links to (<see cref="ConsentLinks.PageUrl"/>), open without signing
/// in: the signed token is the credential, and the page shows only what the token is about — the
/// partner, the claim, its products and the end of the consent window — with an opt-out button.
/// An expired or unknown link gets the API's explanation (consent_window_closed, consent_link_invalid).
/// The token names the approval it was sent for, so it plays the part of the rendered version.
/// </summary>
public sealed class LinkModel(ConsentLinkInfo info, IStringLocalizer<ErrorMessages> messages) : CporPageModel
{
    [FromRoute]
    public string Token { get; set; } = "";

    [BindProperty]
    public string? Comment { get; set; }

    public ConsentLinkResponse? Link { get; private set; }

    /// <summary>Why the link cannot be used (invalid, or its window is over), with the API's title and sentence.</summary>
    public (string Title, string Detail)? Refusal { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOptOutAsync([FromServices] CustomerDecisions decisions, CancellationToken ct)
    {
        var outcome = await decisions.OptOutByLinkAsync(Token, new CustomerDecisionRequest(Comment), ct);
        if (outcome.IsSuccess)
        {
            Flash("consent.flash.optedOut");
            return RedirectToPage(new { Token });
        }

        if (await LoadAsync(ct))
        {
            Errors = FormErrors.From(outcome.Errors, messages, field => field == "comment" ? "consent-comment" : null);
            return Refused();
        }

        return Page();
    }

    /// <summary>Reads the link; false (with the refusal shown and its status set) when it cannot be used.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // The token is a credential: no cache may keep the page.
        Response.Headers.CacheControl = "no-store";
        var outcome = await info.HandleAsync(Token, ct);
        if (!outcome.IsSuccess)
        {
            var error = outcome.FirstError;
            Refusal = (messages[error.Code], Problems.Detail(messages, error));
            Response.StatusCode = Problems.StatusFor(error.Code);
            return false;
        }

        Link = outcome.Value;
        return true;
    }
}
