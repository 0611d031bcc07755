using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;

namespace Cpor.Web.Features.Review;

/// <summary>
/// POST /api/v1/claims/{id}/review/start: Submitted or Disputed → InReview, the caller becoming
/// the claim's reviewer. A competing claim goes to arbitration: both partners are told.
/// </summary>
public sealed class StartReview(CporDb db, CurrentUser user, ClaimCommands commands, Arbitration arbitration)
{
    public async Task<Outcome<Claim>> HandleAsync(string claimId, string? ifMatch, CancellationToken ct)
    {
        await using var uow = await UnitOfWork.BeginAsync(db, ct);
        List<string> competitors = [];
        if (ClaimPermissions.CanReview(user) && claimId.Length <= 40)
        {
            competitors = await arbitration.CompetitorIdsAsync(claimId, await arbitration.UnitKeysAsync(claimId, ct), ct);
            // Every claim this review may comment on, locked up front in id order.
            await arbitration.LockInOrderAsync([claimId, .. competitors], ct);
        }

        var outcome = await commands.RunAsync(claimId, ClaimPermissions.CanReview, ifMatch, ifMatchRequired: false, async (claim, ctx) =>
        {
            if (claim.StartReview(ctx) is { } error)
            {
                return [error];
            }

            if (claim.Competing)
            {
                await arbitration.AnnounceAsync(claim, competitors, ctx, ct);
            }

            return [];
        }, ct);
        if (outcome.IsSuccess)
        {
            await uow.CommitAsync(ct);
        }

        return outcome;
    }
}
