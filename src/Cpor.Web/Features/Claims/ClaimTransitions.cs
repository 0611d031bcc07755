using Cpor.Domain;
using Cpor.Web.Infrastructure;

using Cpor.Web.Features.Review;

namespace Cpor.Web.Features.Claims;

public sealed record WithdrawRequest(string? Comment);

public sealed record DisputeRequest(string? Justification);

/// <summary>
/// The partner's transitions: submit (and resubmit), withdraw, dispute. Submitting checks the
/// claim against the directory again: a subscription may have lapsed since the draft was saved.
/// </summary>
public sealed class ClaimTransitions(ClaimCommands commands, Handover handover)
{
    public Task<Outcome<Claim>> SubmitAsync(string claimId, string? ifMatch, CancellationToken ct) =>
        commands.RunAsync(claimId, new(ClaimPermissions.CanSubmit) { IfMatch = ifMatch }, async (claim, ctx) =>
        {
            if (claim.WhyNot(ClaimAction.Submit) is { } refused)
            {
                return [refused];
            }

            var validated = await commands.ValidateAsync(ClaimInput.From(claim), claim.PartnerOrgId, claim.Id, ct);
            if (!validated.IsSuccess)
            {
                return validated.Errors;
            }

            return claim.Submit(ctx) is { } error ? [error] : [];
        }, ct);

    /// <summary>Withdraws; a claim that units were promised to gives them back to their incumbents (<see cref="Handover"/>).</summary>
    public Task<Outcome<Claim>> WithdrawAsync(string claimId, WithdrawRequest? request, string? ifMatch, CancellationToken ct)
    {
        List<string> incumbents = [];
        var options = handover.Releasing(claimId, new(ClaimPermissions.CanManage) { IfMatch = ifMatch }, incumbents);
        return commands.RunAsync(claimId, options, async (claim, ctx) =>
            (FreeText.CommentError(request?.Comment, "comment", required: false) ?? claim.Withdraw(ctx, request?.Comment?.Trim())) is { } error
                ? [error]
                : await handover.ReleaseAsync(claim, incumbents, ctx, ct), ct);
    }

    public Task<Outcome<Claim>> DisputeAsync(string claimId, DisputeRequest? request, string? ifMatch, CancellationToken ct) =>
        commands.RunAsync(claimId, new(ClaimPermissions.CanManage) { IfMatch = ifMatch }, (claim, ctx) =>
            FreeText.CommentError(request?.Justification, "justification", required: false) ?? claim.Dispute(request?.Justification, ctx), ct);
}
