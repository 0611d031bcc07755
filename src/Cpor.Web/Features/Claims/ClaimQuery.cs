using System.Globalization;
using System.Linq.Expressions;
using Cpor.Domain;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Claims;

/// <summary>
/// The filters and sort of GET /api/v1/claims and its CSV export, parsed from the query string.
/// Sorts: <c>createdAt</c> (newest first, the default), <c>dueAt</c> (the reviewers' queue: most
/// urgent first) and <c>updatedAt</c> (oldest change first, for CRM sync with <c>updatedSince</c>).
/// </summary>
public sealed record ClaimQuery(
    IReadOnlyList<ClaimStatus> Statuses,
    string? MpnId,
    Guid? TenantId,
    SolutionArea? SolutionArea,
    Activity? Activity,
    bool? Competing,
    bool? Overdue,
    string? ExternalId,
    string? Search,
    DateTimeOffset? UpdatedSince,
    string? PartnerOrgId,
    string Sort)
{
    public const string SortCreated = "createdAt";
    public const string SortDue = "dueAt";
    public const string SortUpdated = "updatedAt";

    /// <summary>The query names <see cref="Parse"/> reads: what the list and its export accept besides paging.</summary>
    public static readonly IReadOnlyList<string> Parameters =
        ["status", "mpnId", "tenantId", "solutionArea", "activity", "competing", "overdue", "externalId", "q", "updatedSince", "partnerOrgId", "sort"];

    public static Outcome<ClaimQuery> Parse(IQueryCollection q)
    {
        var filters = new QueryFilters(q);
        var statuses = filters.Enums<ClaimStatus>("status");
        var tenantId = filters.Guid("tenantId");
        var updatedSince = filters.Time("updatedSince");
        var sort = filters.Text("sort") ?? (updatedSince is null ? SortCreated : SortUpdated);
        if (sort is not (SortCreated or SortDue or SortUpdated))
        {
            filters.Errors.Add(new DomainError(ErrorCodes.FilterInvalid, "sort", sort));
        }

        var query = new ClaimQuery(
            statuses,
            filters.Text("mpnId", 10),
            tenantId,
            filters.Enum<SolutionArea>("solutionArea"),
            filters.Enum<Activity>("activity"),
            filters.Bool("competing"),
            filters.Bool("overdue"),
            filters.Text("externalId", ClaimValidator.MaxExternalIdLength),
            filters.Text("q"),
            updatedSince,
            filters.Text("partnerOrgId", 40),
            sort);
        return filters.Errors.Count > 0 ? Outcome<ClaimQuery>.Failure(filters.Errors) : query;
    }

    /// <summary>The filtered claims, not yet sorted or paged.</summary>
    public IQueryable<Claim> Apply(IQueryable<Claim> claims, DateTimeOffset now)
    {
        claims = claims
            .WhereIf(Statuses.Count > 0, c => Statuses.Contains(c.Status))
            .WhereIf(MpnId is not null, c => c.MpnId == MpnId)
            .WhereIf(TenantId is not null, c => c.TenantId == TenantId)
            .WhereIf(SolutionArea is not null, c => c.SolutionArea == SolutionArea)
            .WhereIf(Activity is not null, c => c.Activity == Activity)
            .WhereIf(Competing is not null, c => c.Competing == Competing)
            .WhereIf(ExternalId is not null, c => c.ExternalId == ExternalId)
            .WhereIf(UpdatedSince is not null, c => c.UpdatedAt >= UpdatedSince)
            .WhereIf(PartnerOrgId is not null, c => c.PartnerOrgId == PartnerOrgId);
        if (Overdue is { } overdue)
        {
            var isOverdue = OverdueAt(now);
            claims = claims.Where(overdue ? isOverdue : Expression.Lambda<Func<Claim, bool>>(Expression.Not(isOverdue.Body), isOverdue.Parameters));
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            // A literal search: the user's % and _ are escaped, not wildcards.
            var pattern = "%" + Search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            claims = claims.Where(c => EF.Functions.ILike(c.Name, pattern, "\\") || EF.Functions.ILike(c.CustomerDomain, pattern, "\\"));
        }

        return claims;
    }

    /// <summary>SQL twin of <see cref="Claim.IsOverdue"/>: SLA stages past due; a competing claim in review is not late.</summary>
    private static Expression<Func<Claim, bool>> OverdueAt(DateTimeOffset now) =>
        c => c.DueAt < now && (c.Status == ClaimStatus.Submitted || c.Status == ClaimStatus.Disputed
            || c.Status == ClaimStatus.PartnerActionRequired || (c.Status == ClaimStatus.InReview && !c.Competing));

    /// <summary>Sorts, and skips past <paramref name="after"/> (keyset paging: stable under inserts).</summary>
    public IQueryable<Claim> Order(IQueryable<Claim> claims, Cursor? after)
    {
        switch (Sort)
        {
            case SortDue:
                if (after is not null)
                {
                    var id = after.Id;
                    if (after.Value is null)
                    {
                        claims = claims.Where(c => c.DueAt == null && string.Compare(c.Id, id) > 0);
                    }
                    else
                    {
                        var due = DateTimeOffset.Parse(after.Value, CultureInfo.InvariantCulture);
                        claims = claims.Where(c => c.DueAt > due || (c.DueAt == due && string.Compare(c.Id, id) > 0) || c.DueAt == null);
                    }
                }

                return claims.OrderBy(c => c.DueAt == null).ThenBy(c => c.DueAt).ThenBy(c => c.Id);
            case SortUpdated:
                if (after is not null)
                {
                    var id = after.Id;
                    var updated = DateTimeOffset.Parse(after.Value!, CultureInfo.InvariantCulture);
                    claims = claims.Where(c => c.UpdatedAt > updated || (c.UpdatedAt == updated && string.Compare(c.Id, id) > 0));
                }

                return claims.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id);
            default:
                if (after is not null)
                {
                    var id = after.Id;
                    claims = claims.Where(c => string.Compare(c.Id, id) < 0);
                }

                return claims.OrderByDescending(c => c.Id);
        }
    }

    /// <summary>The cursor that continues after <paramref name="last"/>.</summary>
    public Cursor CursorAfter(Claim last) => Sort switch
    {
        SortDue => new Cursor(Sort, last.DueAt?.ToString("O", CultureInfo.InvariantCulture), last.Id),
        SortUpdated => new Cursor(Sort, last.UpdatedAt.ToString("O", CultureInfo.InvariantCulture), last.Id),
        _ => new Cursor(Sort, null, last.Id),
    };

    /// <summary>Checks that a decoded cursor's value is the kind this sort writes.</summary>
    public bool IsValid(Cursor? cursor) => cursor is null || Sort switch
    {
        SortDue => cursor.Value is null || DateTimeOffset.TryParse(cursor.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        SortUpdated => DateTimeOffset.TryParse(cursor.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };
}
