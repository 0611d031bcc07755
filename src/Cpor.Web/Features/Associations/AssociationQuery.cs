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

    public static Outcome<AssociationQuery> Parse(IQueryCollection q)
    {
        var errors = new List<DomainError>();
        var states = new List<AssociationState>();
        foreach (var value in q["state"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            // Approved and Cancelled associations are not official: never listed, so not a filter either.
            if (Enum.TryParse<AssociationState>(value, out var state) && state is AssociationState.Active or AssociationState.Ended && !int.TryParse(value, out _))
            {
                states.Add(state);
            }
            else
            {
                errors.Add(new DomainError(ErrorCodes.FilterInvalid, "state", value));
            }
        }

        Guid? tenantId = null;
        if (Single(q, "tenantId") is { } tenant)
        {
            if (Guid.TryParseExact(tenant, "D", out var parsed))
            {
                tenantId = parsed;
            }
            else
            {
                errors.Add(new DomainError(ErrorCodes.FilterInvalid, "tenantId", tenant));
            }
        }

        var productId = Single(q, "productId");
        if (productId is { Length: > 80 })
        {
            errors.Add(new DomainError(ErrorCodes.FilterInvalid, "productId", productId[..20]));
        }

        var programId = Single(q, "programId");
        if (programId is not null && !ProgramIds.All.Contains(programId))
        {
            errors.Add(new DomainError(ErrorCodes.FilterInvalid, "programId", programId.Length > 40 ? programId[..20] : programId));
        }

        var partnerOrgId = Single(q, "partnerOrgId");
        if (partnerOrgId is { Length: > 40 })
        {
            errors.Add(new DomainError(ErrorCodes.FilterInvalid, "partnerOrgId", partnerOrgId[..20]));
        }

        return errors.Count > 0
            ? Outcome<AssociationQuery>.Failure(errors)
            : new AssociationQuery(states, tenantId, productId, programId, partnerOrgId);
    }

    /// <summary>The filtered associations, not yet sorted or paged (visibility is applied by the caller).</summary>
    public IQueryable<Association> Apply(IQueryable<Association> associations)
    {
        if (States.Count > 0)
        {
            associations = associations.Where(a => States.Contains(a.State));
        }

        if (TenantId is { } tenant)
        {
            associations = associations.Where(a => a.TenantId == tenant);
        }

        if (ProductId is { } product)
        {
            associations = associations.Where(a => a.ProductId == product);
        }

        if (ProgramId is { } program)
        {
            associations = associations.Where(a => a.ProgramId == program);
        }

        if (PartnerOrgId is { } org)
        {
            associations = associations.Where(a => a.PartnerOrgId == org);
        }

        return associations;
    }

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

    private static string? Single(IQueryCollection q, string name) =>
        q.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;
}
