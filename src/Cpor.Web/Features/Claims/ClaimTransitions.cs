using Cpor.Domain;
using Cpor.Web.Infrastructure;

namespace Cpor.Web.Features.Claims;

public sealed record WithdrawRequest(string? Comment);

public sealed record DisputeRequest(string? Justification);

/// <summary>
/// The partner's transitions: submit (and resubmit), withdraw, dispute. Submitting checks the
/// claim against the directory again: a subscription may have lapsed since the draft was saved.
/// </summary>
public sealed class ClaimTransitions(ClaimCommands commands)
{
    public const int MaxTextLength = 4000;

    public Task<Outcome<Claim>> SubmitAsync(string claimId, string? ifMatch, CancellationToken ct) =>
        commands.RunAsync(claimId, ClaimPermissions.CanSubmit, ifMatch, ifMatchRequired: false, async (claim, ctx) =>
        {
            if (ClaimLifecycle.Target(claim.Status, ClaimAction.Submit) is null)
            {
                return [new DomainError(ErrorCodes.InvalidTransition, null, claim.Status.ToString(), nameof(ClaimAction.Submit))];
            }

            var validated = await commands.ValidateAsync(ClaimResponse.InputOf(claim), claim.PartnerOrgId, claim.Id, ct);
            if (!validated.IsSuccess)
            {
                return validated.Errors;
            }

            return claim.Submit(ctx) is { } error ? [error] : [];
        }, ct);

    public Task<Outcome<Claim>> WithdrawAsync(string claimId, WithdrawRequest? request, string? ifMatch, CancellationToken ct) =>
        commands.RunAsync(claimId, ClaimPermissions.CanManage, ifMatch, (claim, ctx) =>
            TextError(request?.Comment, "comment", required: false) ?? claim.Withdraw(ctx, request?.Comment?.Trim()), ct);

    public Task<Outcome<Claim>> DisputeAsync(string claimId, DisputeRequest? request, string? ifMatch, CancellationToken ct) =>
        commands.RunAsync(claimId, ClaimPermissions.CanManage, ifMatch, (claim, ctx) =>
            TextError(request?.Justification, "justification", required: false) ?? claim.Dispute(request?.Justification, ctx), ct);

    /// <summary>Free text: at most 4000 characters, no control characters but line breaks and tabs.</summary>
    public static DomainError? TextError(string? text, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? new DomainError(ErrorCodes.ValueRequired, field) : null;
        }

        if (text.Length > MaxTextLength)
        {
            return new DomainError(ErrorCodes.ValueTooLong, field, MaxTextLength);
        }

        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? new DomainError(ErrorCodes.ValueInvalid, field)
            : null;
    }
}
