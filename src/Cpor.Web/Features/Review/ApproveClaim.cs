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
public sealed class ApproveClaim(CporDb db, ClaimCommands commands, Arbitration arbitration)
{
    public async Task<Outcome<Claim>> HandleAsync(string claimId, ApproveRequest? request, string? ifMatch, CancellationToken ct)
    {
        var supersede = request?.Supersede == true;
        List<string> units = [];
        List<string> holders = [];
        var options = new ClaimChangeOptions(ClaimPermissions.CanReview)
        {
            IfMatch = ifMatch,
            // Units first, then the claim and the holders in id order (see Arbitration). With the
            // units locked no other approval can give them a new holder until we commit.
            LockFirst = async lockCt =>
            {
                units = await arbitration.UnitKeysAsync(claimId, lockCt);
                await arbitration.LockUnitsAsync(units, lockCt);
                holders = await arbitration.HolderIdsAsync(claimId, units, lockCt);
                await arbitration.LockInOrderAsync([claimId, .. holders], lockCt);
            },
        };

        return await commands.RunAsync(claimId, options, async (claim, ctx) =>
        {
            if ((FreeText.CommentError(request?.Comment, "comment", required: false) ?? claim.WhyNot(ClaimAction.Approve)) is { } refused)
            {
                return [refused];
            }

            if (!claim.Products.Select(p => p.UnitKey).ToHashSet().SetEquals(units))
            {
                // The units changed between reading them and locking the claim: the holders we
                // locked may not be the right ones. Rare; the reviewer simply tries again.
                return [new DomainError(ErrorCodes.ConcurrentUpdate)];
            }

            if (holders.Count > 0)
            {
                if (!supersede)
                {
                    return [new DomainError(ErrorCodes.UnitAlreadyAssociated, "products")];
                }

                foreach (var holderId in holders)
                {
                    if (await commands.LoadForUpdateAsync(holderId, ct) is { } incumbent && incumbent.Supersede(comment: null, ctx) is { } refusedSupersede)
                    {
                        return [refusedSupersede];
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
    }

    private async Task<int> ConsentWindowDaysAsync(Claim claim, TransitionContext ctx, CancellationToken ct)
    {
        var programDays = claim.ProgramId is { } programId
            ? await db.Programs.AsNoTracking().Where(p => p.Id == programId).Select(p => (int?)p.ConsentWindowDays).SingleOrDefaultAsync(ct)
            : null;
        return programDays is > 0 ? programDays.Value : ctx.Timings.DefaultConsentWindowDays;
    }
}
