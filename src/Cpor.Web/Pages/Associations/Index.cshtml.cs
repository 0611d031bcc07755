using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Associations;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Associations;

/// <summary>
/// The official associations (Active and Ended) the person may see — their organisation's, or all
/// for a reviewer — with the API's filters and cursor paging, through <see cref="ListAssociations"/>.
/// </summary>
public sealed class IndexModel(ListAssociations list, Catalog catalog, PartnerAdmin partners, CurrentUser user, IStringLocalizer<ErrorMessages> messages)
    : AssociationListModel<AssociationResponse>(catalog, partners, user, messages)
{
    /// <summary>The claim page is the partner's own; a reviewer has none to open.</summary>
    public bool LinksClaims => Person.IsPartner;

    public AssociationFilterForm FilterForm => new(Filters, Choices, Errors, Person, "associations.filters");

    protected override string PagePath => "/Associations";

    protected override Task<Outcome<Page<AssociationResponse>>> FetchAsync(AssociationQuery query, int limit, string? cursor, CancellationToken ct) =>
        list.HandleAsync(query, limit, cursor, ct);
}
