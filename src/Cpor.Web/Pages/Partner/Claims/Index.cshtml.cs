using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>
/// The "Customer associations" dashboard: the organisation's claims with the API's filters (the
/// same query names, parsed by <see cref="ClaimQuery"/>), cursor paging, and the CSV export.
/// </summary>
public sealed class IndexModel(ListClaims list, PartnerAdmin partners, Catalog catalog, CurrentUser user, IStringLocalizer<ErrorMessages> messages)
    : CporPageModel
{
    public const int PageSize = 25;

    /// <summary>The filters of the form, as in the query string (the cursor and handler aside).</summary>
    public static readonly IReadOnlyList<string> FilterNames = ["q", "status", "solutionArea", "activity", "mpnId", "overdue", "competing"];

    public Page<ClaimResponse> Results { get; private set; } = new([], null);

    public IReadOnlyList<MpnResponse> Mpns { get; private set; } = [];

    public IReadOnlyDictionary<string, string> ProductNames { get; private set; } = new Dictionary<string, string>();

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public bool CanCreate => ClaimPermissions.CanCreate(user);

    public bool IsFirstPage => string.IsNullOrEmpty(Request.Query["cursor"]);

    public bool IsFiltered => FilterNames.Any(f => !string.IsNullOrEmpty(Request.Query[f]));

    public string? Filter(string name) => Request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    public async Task<IActionResult> OnGetAsync(string? cursor, int? limit, CancellationToken ct)
    {
        Mpns = (await partners.ListMpnsAsync(user.PartnerOrgId!, ct)).Value ?? [];
        ProductNames = (await catalog.GetAsync(ct)).Products.ToDictionary(p => p.Id, p => p.Name);
        var query = ClaimQuery.Parse(Request.Query);
        var page = query.IsSuccess ? await list.HandleAsync(query.Value!, limit ?? PageSize, cursor, ct) : Outcome<Page<ClaimResponse>>.Failure(query.Errors);
        if (!page.IsSuccess)
        {
            Errors = FormErrors.From(page.Errors, messages, field => FilterNames.Contains(field) ? "filter-" + field : null);
            return Refused();
        }

        Results = page.Value!;
        return Page();
    }

    /// <summary>The CSV export of the same filters, streamed by the API's own export.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var query = ClaimQuery.Parse(Request.Query);
        if (!query.IsSuccess)
        {
            return BadRequest();
        }

        return await list.ExportAsync(query.Value!, Response, ct) is { } error ? Unavailable([error]) ?? BadRequest() : new EmptyResult();
    }

    /// <summary>This list with the same filters (and page size) and another cursor (null: the first page), or as CSV.</summary>
    public string Link(string? cursor = null, string? handler = null)
    {
        var query = FilterNames.Append("limit")
            .Where(f => !StringValues.IsNullOrEmpty(Request.Query[f]))
            .Select(f => KeyValuePair.Create(f, Request.Query[f]))
            .ToList();
        if (handler is not null)
        {
            query.Insert(0, KeyValuePair.Create("handler", new StringValues(handler)));
        }

        if (cursor is not null)
        {
            query.Add(KeyValuePair.Create("cursor", new StringValues(cursor)));
        }

        return QueryHelpers.AddQueryString("/Partner/Claims", query);
    }
}
