using Cpor.Domain;
using Cpor.Web.Features.Consent;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Customer;

/// <summary>
/// The customer admin's start page: the claims and associations partners hold or ask for on their
/// tenant (the API's <see cref="CustomerClaims"/>), newest first, filtered by status and paged.
/// </summary>
public sealed class IndexModel(CustomerClaims claims, IStringLocalizer<ErrorMessages> messages) : CporPageModel
{
    public const int PageSize = 25;

    /// <summary>The statuses a customer may meet: a partner's draft is not yet a claim on anyone.</summary>
    public static IReadOnlyList<ClaimStatus> Statuses { get; } = [.. Enum.GetValues<ClaimStatus>().Where(s => s != ClaimStatus.Draft)];

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    public Page<CustomerClaimResponse> Results { get; private set; } = new([], null);

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public bool IsFirstPage => string.IsNullOrEmpty(Request.Query["cursor"]);

    public async Task<IActionResult> OnGetAsync(string? cursor, int? limit, CancellationToken ct)
    {
        var page = await claims.HandleAsync(Status, limit ?? PageSize, cursor, ct);
        if (!page.IsSuccess)
        {
            if (Unavailable(page.Errors) is { } unavailable)
            {
                return unavailable;
            }

            Errors = FormErrors.From(page.Errors, messages, field => field == "status" ? "filter-status" : null);
            return Refused();
        }

        Results = page.Value!;
        return Page();
    }

    /// <summary>This list with the same filter and another cursor (null: the first page).</summary>
    public string Link(string? cursor = null)
    {
        var query = new Dictionary<string, string?>();
        if (!string.IsNullOrEmpty(Status))
        {
            query["status"] = Status;
        }

        if (cursor is not null)
        {
            query["cursor"] = cursor;
        }

        return QueryHelpers.AddQueryString("/Customer", query);
    }
}
