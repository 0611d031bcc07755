using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;

namespace Cpor.Web.Features.Review;

/// <summary>
/// POST /api/v1/claims/{id}/review/request-info <c>{ reasons, comment }</c>: InReview →
/// PartnerActionRequired. The partner has five business days to resubmit.
/// </summary>
public sealed class RequestInfo(ClaimCommands commands)
{
    public Task<Outcome<Claim>> HandleAsync(string claimId, RequestInfoRequest? request, string? ifMatch, CancellationToken ct) =>
        commands.RunAsync(claimId, new(ClaimPermissions.CanReview) { IfMatch = ifMatch }, (claim, ctx) =>
        {
            var errors = new List<DomainError>();
            var reasons = new List<InfoRequestReason>();
            foreach (var value in request?.Reasons ?? [])
            {
                if (ReviewReasons.TryParse<InfoRequestReason>(value, out var reason))
                {
                    reasons.Add(reason);
                }
                else
                {
                    errors.Add(ReviewReasons.Invalid("reasons", value));
                }
            }

            if (FreeText.CommentError(request?.Comment, "comment", required: false) is { } invalid)
            {
                errors.Add(invalid);
            }

            if (errors.Count == 0 && claim.RequestInfo(reasons, request?.Comment?.Trim(), ctx) is { } refused)
            {
                errors.Add(refused);
            }

            return Task.FromResult<IReadOnlyList<DomainError>>(errors);
        }, ct);
}
