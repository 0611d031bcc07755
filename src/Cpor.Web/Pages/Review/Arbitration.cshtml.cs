using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Review;
using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Cpor.Web.Pages.Review;

/// <summary>
/// Arbitration (CPOR.md §6): a claim and every competing claim or association on its units side by
/// side — partner, MPN ID, products, contacts, PoE files, status and dates — from the API's
/// competitors use case, with each claim's review actions. The actions post to the claim's own
/// review page, which comes back here.
/// </summary>
public sealed class ArbitrationModel(CporDb db, CurrentUser user, TimeProvider time, ClaimCompetitors competitors, Catalog catalog) : CporPageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    public CompetitorsResponse Arbitration { get; private set; } = null!;

    /// <summary>The claim first, then the holders of its units, then the other claims, oldest first.</summary>
    public IReadOnlyList<ArbitrationColumn> Columns { get; private set; } = [];

    public IReadOnlyDictionary<string, string> ProductNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await competitors.HandleAsync(Id, ct);
        if (!outcome.IsSuccess)
        {
            return Unavailable(outcome.Errors) ?? NotFound();
        }

        Arbitration = outcome.Value!;
        var now = time.GetUtcNow();
        var columns = new List<ArbitrationColumn>();
        foreach (var side in Arbitration.Competitors.Prepend(Arbitration.Claim))
        {
            if (await ClaimReads.FindVisibleAsync(db, user, side.Id, ct) is { } claim)
            {
                columns.Add(new ArbitrationColumn(side, ClaimResponse.From(claim, now), side.Id == Arbitration.Claim.Id));
            }
        }

        Columns = columns;
        ProductNames = (await catalog.GetAsync(ct)).Products.ToDictionary(p => p.Id, p => p.Name);
        return Page();
    }

    public static bool Allows(ClaimStatus status, ClaimAction action) => ClaimLifecycle.Target(status, action) is not null;
}
