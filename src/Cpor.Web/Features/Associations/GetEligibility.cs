using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Features.Associations;

/// <summary>
/// GET /api/v1/associations/{id}/eligibility: the verdict written when the association became
/// Active, its reasons in the caller's language, and the partner contribution credit as measured now.
/// </summary>
public sealed class GetEligibility(
    CporDb db, CurrentUser user, EligibilityEvaluator evaluator, CreditCalculator credits, IStringLocalizer<AssociationText> text)
{
    public async Task<Outcome<EligibilityResponse>> HandleAsync(string associationId, CancellationToken ct)
    {
        var association = await AssociationReads.FindVisibleAsync(db, user, associationId, ct);
        if (association is null)
        {
            return CommonErrors.NotFound;
        }

        await evaluator.EnsureEvaluatedAsync(db, db.Associations.Where(a => a.Id == association.Id), ct);
        var verdict = await db.AssociationEligibility.AsNoTracking().SingleAsync(e => e.AssociationId == association.Id, ct);
        var credit = (await credits.ComputeAsync([association], ct))[association.Id];
        return new EligibilityResponse(
            association.Id,
            verdict.Eligible,
            verdict.ProgramId,
            [.. verdict.Reasons.Select(r => EligibilityReasonResponse.From(r, text))],
            verdict.EvaluatedAt,
            CreditResponse.From(credit, text, showDigitalPartner: user.IsReviewer));
    }
}
