using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Associations;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Associations;

/// <summary>
/// The earnings view (CPOR.md §10): the eligible associations with the subscription or tenant ID
/// to find each by in the program's statements, and the partner contribution credit, through
/// <see cref="ListEarnings"/> with the association list's filters and paging.
/// </summary>
public sealed class EarningsModel(ListEarnings earnings, Catalog catalog, PartnerAdmin partners, CurrentUser user, IStringLocalizer<ErrorMessages> messages)
    : CporPageModel
{
    public const int PageSize = 25;

    public Page<EarningResponse> Results { get; private set; } = new([], null);

    public AssociationFilters Filters { get; private set; } = null!;

    public AssociationChoices Choices { get; private set; } = AssociationChoices.None;

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public bool ShowsPartner => user.IsReviewer;

    public AssociationFilterForm FilterForm => new(Filters, Choices, Errors, user, "associations.earnings.filters");

    public CreditView CreditOf(EarningResponse earning) =>
        new(earning.Credit, earning.Credit.DigitalPartnerOrgId is { } org ? Choices.Partner(org) : null, Compact: true);

    public async Task<IActionResult> OnGetAsync(string? cursor, int? limit, CancellationToken ct)
    {
        Filters = new AssociationFilters(Request.Query, "/Associations/Earnings");
        Choices = await AssociationChoices.LoadAsync(catalog, partners, user, ct);
        var query = AssociationQuery.Parse(Request.Query);
        var page = query.IsSuccess ? await earnings.HandleAsync(query.Value!, limit ?? PageSize, cursor, ct) : Outcome<Page<EarningResponse>>.Failure(query.Errors);
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
