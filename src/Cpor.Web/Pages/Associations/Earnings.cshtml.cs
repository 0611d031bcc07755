using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Associations;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Associations;

/// <summary>
/// The earnings view (CPOR.md §10): the eligible associations with the subscription or tenant ID
/// to find each by in the program's statements, and the partner contribution credit, through
/// <see cref="ListEarnings"/> with the association list's filters and paging.
/// </summary>
public sealed class EarningsModel(ListEarnings earnings, Catalog catalog, PartnerAdmin partners, CurrentUser user, IStringLocalizer<ErrorMessages> messages)
    : AssociationListModel<EarningResponse>(catalog, partners, user, messages)
{
    public AssociationFilterForm FilterForm => new(Filters, Choices, Errors, Person, "associations.earnings.filters");

    public CreditView CreditOf(EarningResponse earning) =>
        new(earning.Credit, earning.Credit.DigitalPartnerOrgId is { } org ? Choices.Partner(org) : null, Compact: true);

    protected override string PagePath => "/Associations/Earnings";

    protected override Task<Outcome<Page<EarningResponse>>> FetchAsync(AssociationQuery query, int limit, string? cursor, CancellationToken ct) =>
        earnings.HandleAsync(query, limit, cursor, ct);
}
