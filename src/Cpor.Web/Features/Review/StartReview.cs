using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;

namespace Cpor.Web.Features.Review;

/// <summary>
/// POST /api/v1/claims/{id}/review/start: Submitted or Disputed → InReview, the caller becoming
/// the claim's reviewer. A competing claim goes to arbitration: both partners are told.
/// </summary>
public sealed class StartReview(ClaimCommands commands, Arbitration arbitration)
{
    public Task<Outcome<Claim>> HandleAsync(string claimId, string? ifMatch, CancellationToken ct)
    {
        List<string> competitors = [];
        var options = new ClaimChangeOptions(ClaimPermissions.CanReview)
        {
            IfMatch = ifMatch,
            // Every claim this review may comment on, locked up front in id order.
            LockFirst = async lockCt =>
            {
                competitors = await arbitration.CompetitorIdsAsync(claimId, await arbitration.UnitKeysAsync(claimId, lockCt), lockCt);
                await arbitration.LockInOrderAsync([claimId, .. competitors], lockCt);
            },
        };

        return commands.RunAsync(claimId, options, async (claim, ctx) =>
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
    }
}
