using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Associations;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Associations;

/// <summary>
/// What the association list and the earnings view share: the API's filters and cursor paging,
/// read from the query string, with refused filters shown next to their inputs.
/// </summary>
public abstract class AssociationListModel<TItem>(Catalog catalog, PartnerAdmin partners, CurrentUser user, IStringLocalizer<ErrorMessages> messages)
    : CporPageModel
{
    public const int PageSize = 25;

    public Page<TItem> Results { get; private set; } = new([], null);

    public AssociationFilters Filters { get; private set; } = null!;

    public AssociationChoices Choices { get; private set; } = AssociationChoices.None;

    public FormErrors Errors { get; private set; } = FormErrors.None;

    /// <summary>Reviewers see every organisation's associations, so the list names the partner.</summary>
    public bool ShowsPartner => user.IsReviewer;

    protected CurrentUser Person => user;

    /// <summary>The page's own path, kept in its filter and paging links.</summary>
    protected abstract string PagePath { get; }

    protected abstract Task<Outcome<Page<TItem>>> FetchAsync(AssociationQuery query, int limit, string? cursor, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(string? cursor, int? limit, CancellationToken ct)
    {
        Filters = new AssociationFilters(Request.Query, PagePath);
        Choices = await AssociationChoices.LoadAsync(catalog, partners, user, ct);
        var query = AssociationQuery.Parse(Request.Query);
        var page = query.IsSuccess ? await FetchAsync(query.Value!, limit ?? PageSize, cursor, ct) : Outcome<Page<TItem>>.Failure(query.Errors);
        if (!page.IsSuccess)
        {
            if (Unavailable(page.Errors) is { } unavailable)
            {
                return unavailable;
            }

            Errors = FormErrors.From(page.Errors, messages, AssociationFilters.InputOf);
            return Refused();
        }

        Results = page.Value!;
        return Page();
    }
}
