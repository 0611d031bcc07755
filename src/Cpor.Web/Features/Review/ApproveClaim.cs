using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Review;

/// <summary>
/// POST /api/v1/claims/{id}/review/approve <c>{ supersede?, comment? }</c>: InReview or Disputed
/// → Approved, opening the customer's consent window (the program's length; the default for
/// revenue association, which has no program). When another partner holds a unit the answer is
/// 409 <c>unit_already_associated</c>, unless the reviewer confirms the arbitration with
/// <c>supersede: true</c>: then, in the same transaction, the holder's claim is superseded and
/// this one approved (CPOR.md §6).
/// </summary>
public sealed class ApproveClaim(CporDb db, CurrentUser user, ClaimCommands commands, Arbitration arbitration)
{
    public async Task<Outcome<Claim>> HandleAsync(string claimId, ApproveRequest? request, string? ifMatch, CancellationToken ct)
    {
        var supersede = request?.Supersede == true;
        await using var uow = await UnitOfWork.BeginAsync(db, ct);
        if (ClaimPermissions.CanReview(user) && claimId.Length <= 40)
        {
            // Units first, then the claim and the holders in id order (see Arbitration). With the
            // units locked no other approval can give them a new holder until we commit.
            var units = await arbitration.UnitKeysAsync(claimId, ct);
            await arbitration.LockUnitsAsync(units, ct);
            await arbitration.LockInOrderAsync([claimId, .. await arbitration.HolderIdsAsync(claimId, units, ct)], ct);
        }

        var outcome = await commands.RunAsync(claimId, ClaimPermissions.CanReview, ifMatch, ifMatchRequired: false, async (claim, ctx) =>
        {
            if (ClaimTransitions.TextError(request?.Comment, "comment", required: false) is { } invalid)
            {
                return [invalid];
            }

            if (ClaimLifecycle.Target(claim.Status, ClaimAction.Approve) is null)
            {
                return [new DomainError(ErrorCodes.InvalidTransition, null, claim.Status.ToString(), nameof(ClaimAction.Approve))];
            }

            var holders = await arbitration.HolderIdsAsync(claim.Id, [.. claim.Products.Select(p => p.UnitKey)], ct);
            if (holders.Count > 0)
            {
                if (!supersede)
                {
                    return [new DomainError(ErrorCodes.UnitAlreadyAssociated, "products")];
                }

                foreach (var holderId in holders)
                {
                    if (await commands.LoadForUpdateAsync(holderId, ct) is { } incumbent && incumbent.Supersede(comment: null, ctx) is { } refused)
                    {
                        return [refused];
                    }
                }

                // The incumbents' associations end before the new ones are inserted: the unique
                // index of one holder per unit is checked statement by statement.
                if (await commands.SaveAsync(claim, ct) is { } saveError)
                {
                    return [saveError];
                }
            }

            return claim.Approve(await ConsentWindowDaysAsync(claim, ctx, ct), request?.Comment?.Trim(), ctx) is { } error ? [error] : [];
        }, ct);
        if (outcome.IsSuccess)
        {
            await uow.CommitAsync(ct);
        }

        return outcome;
    }

    private async Task<int> ConsentWindowDaysAsync(Claim claim, TransitionContext ctx, CancellationToken ct)
    {
        var programDays = claim.ProgramId is { } programId
            ? await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => (int?)p.ConsentWindowDays).SingleOrDefaultAsync(ct)
            : null;
        return programDays is > 0 ? programDays.Value : ctx.Timings.DefaultConsentWindowDays;
    }
}
