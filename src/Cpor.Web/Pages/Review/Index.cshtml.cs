using Cpor.Domain;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace Cpor.Web.Pages.Review;

/// <summary>
/// The reviewers' queue: the API's claim list (<see cref="ListClaims"/>) sorted by due date, most
/// urgent first, with its status, partner, overdue and competing filters and cursor paging. Without
/// a status filter it shows what waits for a reviewer: submitted, in review and disputed claims.
/// </summary>
public sealed class IndexModel(ListClaims list, PartnerAdmin partners, Catalog catalog, IStringLocalizer<ErrorMessages> messages) : CporPageModel
{
    public const int PageSize = 25;

    /// <summary>The status filter's value for every status (no value means "waiting for a reviewer").</summary>
    public const string AnyStatus = "any";

    /// <summary>The statuses in a reviewer's hands: the queue's default.</summary>
    public static readonly IReadOnlyList<ClaimStatus> WaitingForReview = [ClaimStatus.Submitted, ClaimStatus.InReview, ClaimStatus.Disputed];

    /// <summary>The filters of the form, as in the query string (the cursor and page size aside).</summary>
    public static readonly IReadOnlyList<string> FilterNames = ["q", "status", "partnerOrgId", "overdue", "competing"];

    public Page<ClaimResponse> Results { get; private set; } = new([], null);

    public IReadOnlyList<PartnerResponse> Partners { get; private set; } = [];

    public IReadOnlyDictionary<string, string> PartnerNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> ProductNames { get; private set; } = new Dictionary<string, string>();

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public bool IsFirstPage => string.IsNullOrEmpty(Request.Query["cursor"]);

    public bool IsFiltered => FilterNames.Any(f => !string.IsNullOrEmpty(Request.Query[f]));

    public string? Filter(string name) => Request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    public async Task<IActionResult> OnGetAsync(string? cursor, int? limit, CancellationToken ct)
    {
        Partners = (await partners.ListAsync(ct)).Value ?? [];
        PartnerNames = Partners.ToDictionary(p => p.Id, p => p.Name);
        ProductNames = (await catalog.GetAsync(ct)).Products.ToDictionary(p => p.Id, p => p.Name);
        var query = ClaimQuery.Parse(QueueQuery(Request.Query));
        var page = query.IsSuccess ? await list.HandleAsync(query.Value!, limit ?? PageSize, cursor, ct) : Outcome<Page<ClaimResponse>>.Failure(query.Errors);
        if (!page.IsSuccess)
        {
            if (Unavailable(page.Errors) is { } unavailable)
            {
                return unavailable;
            }

            Errors = FormErrors.From(page.Errors, messages, field => FilterNames.Contains(field) ? "filter-" + field : null);
            return Refused();
        }

        Results = page.Value!;
        return Page();
    }

    /// <summary>
    /// The API query the queue runs: the form's filters, sorted by due date; no status means the
    /// statuses waiting for a reviewer, <see cref="AnyStatus"/> means every status.
    /// </summary>
    public static QueryCollection QueueQuery(IQueryCollection form)
    {
        var query = FilterNames.Where(f => !StringValues.IsNullOrEmpty(form[f])).ToDictionary(f => f, f => form[f]);
        var status = form["status"].ToString();
        if (status.Length == 0)
        {
            query["status"] = string.Join(',', WaitingForReview);
        }
        else if (status == AnyStatus)
        {
            query.Remove("status");
        }

        query["sort"] = ClaimQuery.SortDue;
        return new QueryCollection(query);
    }

    /// <summary>This queue with the same filters (and page size) and another cursor (null: the first page).</summary>
    public string Link(string? cursor = null)
    {
        var query = FilterNames.Append("limit")
            .Where(f => !StringValues.IsNullOrEmpty(Request.Query[f]))
            .Select(f => KeyValuePair.Create(f, Request.Query[f]))
            .ToList();
        if (cursor is not null)
        {
            query.Add(KeyValuePair.Create("cursor", new StringValues(cursor)));
        }

        return QueryHelpers.AddQueryString("/Review", query);
    }
}
