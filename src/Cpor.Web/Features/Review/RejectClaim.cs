using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;

namespace Cpor.Web.Features.Review;

/// <summary>
/// POST /api/v1/claims/{id}/review/reject <c>{ reason, comment }</c>: InReview or Disputed →
/// Rejected. The partner may dispute a first rejection within 30 days.
/// </summary>
public sealed class RejectClaim(ClaimCommands commands)
{
    public Task<Outcome<Claim>> HandleAsync(string claimId, RejectRequest? request, string? ifMatch, CancellationToken ct) =>
        commands.RunAsync(claimId, new(ClaimPermissions.CanReview) { IfMatch = ifMatch }, (claim, ctx) =>
        {
            if (string.IsNullOrWhiteSpace(request?.Reason))
            {
                return new DomainError(ErrorCodes.ValueRequired, "reason");
            }

            if (!ReviewReasons.TryParse<RejectionReason>(request.Reason, out var reason))
            {
                return ReviewReasons.Invalid("reason", request.Reason);
            }

            return FreeText.CommentError(request.Comment, "comment", required: false)
                ?? claim.Reject(reason, request.Comment?.Trim(), ctx);
        }, ct);
}
