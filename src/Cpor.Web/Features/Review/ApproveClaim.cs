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
/// <c>supersede: true</c>: then, in the same transaction, the holder's associations for those units
/// (only those) are promised to this claim and this one is approved; the units change hands when
/// this claim's associations become Active (<see cref="Handover"/>, CPOR.md §6). A unit already
/// promised to a third claim answers 409 <c>handover_pending</c>.
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

            // A holder may have let the units go since we read it (withdrawn, ended): only those
            // that still hold one are superseded.
            var incumbents = new List<Claim>();
            foreach (var holderId in holders)
            {
                if (await commands.LoadForUpdateAsync(holderId, ct) is { } holder && holder.Associations.Any(a => a.HoldsUnit && units.Contains(a.UnitKey)))
                {
                    incumbents.Add(holder);
                }
            }

            if (incumbents.Count > 0)
            {
                if (!supersede)
                {
                    return [new DomainError(ErrorCodes.UnitAlreadyAssociated, "products")];
                }

                // The units are promised to this claim; they change hands when its associations
                // become Active, and stay if the customer opts out (CPOR.md §6, decision 0010).
                foreach (var incumbent in incumbents)
                {
                    if (incumbent.MarkSuperseded(claim.Id, units, ctx) is { } refusedSupersede)
                    {
                        return [refusedSupersede];
                    }
                }

                // The incumbents are marked before the new associations are inserted: the unique
                // index of one holder per unit not being handed over is checked statement by statement.
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
