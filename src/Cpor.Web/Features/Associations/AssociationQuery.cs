using Cpor.Domain;
using Cpor.Web.Infrastructure;

namespace Cpor.Web.Features.Associations;

/// <summary>
/// Filters of GET /api/v1/associations and /earnings, from the query string: <c>state</c>
/// (Active, Ended; comma separated), <c>tenantId</c>, <c>productId</c>, <c>programId</c>, and
/// <c>partnerOrgId</c> (reviewers). Newest first, keyset paged by id.
/// </summary>
public sealed record AssociationQuery(
    IReadOnlyList<AssociationState> States,
    Guid? TenantId,
    string? ProductId,
    string? ProgramId,
    string? PartnerOrgId)
{
    /// <summary>The only sort; cursors of other lists are refused.</summary>
    public const string Sort = "association";

    /// <summary>The query names <see cref="Parse"/> reads: what the lists accept besides paging.</summary>
    public static readonly IReadOnlyList<string> Parameters = ["state", "tenantId", "productId", "programId", "partnerOrgId"];

    public static Outcome<AssociationQuery> Parse(IQueryCollection q)
    {
        var filters = new QueryFilters(q);
        // Approved and Cancelled associations are not official: never listed, so not a filter either.
        var states = filters.Enums<AssociationState>("state", s => s is AssociationState.Active or AssociationState.Ended);
        var tenantId = filters.Guid("tenantId");
        var productId = filters.Text("productId", 80);
        var programId = filters.Text("programId", 40);
        if (programId is not null && !ProgramIds.All.Contains(programId))
        {
            filters.Errors.Add(new DomainError(ErrorCodes.FilterInvalid, "programId", programId));
        }

        var partnerOrgId = filters.Text("partnerOrgId", 40);
        return filters.Errors.Count > 0
            ? Outcome<AssociationQuery>.Failure(filters.Errors)
            : new AssociationQuery(states, tenantId, productId, programId, partnerOrgId);
    }

    /// <summary>The filtered associations, not yet sorted or paged (visibility is applied by the caller).</summary>
    public IQueryable<Association> Apply(IQueryable<Association> associations) =>
        associations
            .WhereIf(States.Count > 0, a => States.Contains(a.State))
            .WhereIf(TenantId is not null, a => a.TenantId == TenantId)
            .WhereIf(ProductId is not null, a => a.ProductId == ProductId)
            .WhereIf(ProgramId is not null, a => a.ProgramId == ProgramId)
            .WhereIf(PartnerOrgId is not null, a => a.PartnerOrgId == PartnerOrgId);

    /// <summary>
    /// Keyset paging: the associations after <paramref name="after"/> in the list's order, newest
    /// first (ids are time ordered). The caller sorts by id descending once the joins are done.
    /// </summary>
    public static IQueryable<Association> After(IQueryable<Association> associations, Cursor? after)
    {
        if (after is null)
        {
            return associations;
        }

        var id = after.Id;
        return associations.Where(a => string.Compare(a.Id, id) < 0);
    }
}
