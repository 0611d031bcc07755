using Cpor.Domain;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages;

/// <summary>
/// A page about one record named by the route (a claim, a partner): it loads the record, and answers
/// every change the same way — unavailable (404 / access denied), done (a flash message and back to
/// the page), or refused (the page again, each error next to its input, as 422).
/// </summary>
public abstract class RecordPageModel(IStringLocalizer<ErrorMessages> messages) : CporPageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    public FormErrors Errors { get; private set; } = FormErrors.None;

    /// <summary>The API's localized sentences, for the page's own texts about errors.</summary>
    protected IStringLocalizer<ErrorMessages> Messages => messages;

    public virtual async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>Loads the record; null when it may be shown, else the answer to give (404, access denied).</summary>
    protected abstract Task<IActionResult?> LoadAsync(CancellationToken ct);

    /// <summary>Where a change that was made leads: the record's page unless the page says otherwise.</summary>
    protected virtual IActionResult Done() => RedirectToPage(new { Id });

    /// <summary>
    /// The answer to a change a use case made (no errors) or refused; <c>inputOf</c> gives the id of
    /// the input on this page that an error's field belongs to, or null.
    /// </summary>
    protected async Task<IActionResult> AfterAsync(IReadOnlyList<DomainError> errors, string flash, Func<string, string?> inputOf, CancellationToken ct)
    {
        if (Unavailable(errors) is { } unavailable)
        {
            return unavailable;
        }

        if (errors.Count == 0)
        {
            Flash(flash);
            return Done();
        }

        if (await LoadAsync(ct) is { } gone)
        {
            return gone;
        }

        Errors = FormErrors.From(errors, messages, inputOf);
        return Refused();
    }
}
