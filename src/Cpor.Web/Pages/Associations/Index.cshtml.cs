using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Associations;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Associations;

/// <summary>
/// The official associations (Active and Ended) the person may see — their organisation's, or all
/// for a reviewer — with the API's filters and cursor paging, through <see cref="ListAssociations"/>.
/// </summary>
public sealed class IndexModel(ListAssociations list, Catalog catalog, PartnerAdmin partners, CurrentUser user, IStringLocalizer<ErrorMessages> messages)
    : CporPageModel
{
    public const int PageSize = 25;

    public Page<AssociationResponse> Results { get; private set; } = new([], null);

    public AssociationFilters Filters { get; private set; } = null!;

    public AssociationChoices Choices { get; private set; } = AssociationChoices.None;

    public FormErrors Errors { get; private set; } = FormErrors.None;

    /// <summary>Reviewers see every organisation's associations, so the list names the partner.</summary>
    public bool ShowsPartner => user.IsReviewer;

    /// <summary>The claim page is the partner's own; a reviewer has none to open.</summary>
    public bool LinksClaims => user.IsPartner;

    public AssociationFilterForm FilterForm => new(Filters, Choices, Errors, user, "associations.filters");

    public async Task<IActionResult> OnGetAsync(string? cursor, int? limit, CancellationToken ct)
    {
        Filters = new AssociationFilters(Request.Query, "/Associations");
        Choices = await AssociationChoices.LoadAsync(catalog, partners, user, ct);
        var query = AssociationQuery.Parse(Request.Query);
        var page = query.IsSuccess ? await list.HandleAsync(query.Value!, limit ?? PageSize, cursor, ct) : Outcome<Page<AssociationResponse>>.Failure(query.Errors);
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
