using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Review;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Consent;

public sealed record CustomerDecisionRequest(string? Comment);

/// <summary>
/// The customer's say (CPOR.md §5): opt out during the consent window (Approved → Rejected,
/// CustomerDenied) — signed in, or from the e-mailed link — and end an official association later
/// (Active → Ended, CustomerEnded). A customer admin sees only their tenant's claims (404 otherwise).
/// </summary>
public sealed class CustomerDecisions(CporDb db, ClaimCommands commands, ConsentLinks links, Handover handover)
{
    /// <summary>Opts out; <paramref name="ifMatch"/> (the web UI's rendered version, the API sends none) refuses a claim changed meanwhile.</summary>
    public Task<Outcome<Claim>> OptOutAsync(string claimId, CustomerDecisionRequest? request, string? ifMatch, CancellationToken ct)
    {
        List<string> incumbents = [];
        return commands.RunAsync(claimId, handover.Releasing(claimId, CustomerAdmin(ifMatch), incumbents), async (claim, ctx) =>
            (FreeText.CommentError(request?.Comment, "comment", required: false) ?? claim.OptOut(request?.Comment?.Trim(), ctx)) is { } error
                ? [error]
                : await handover.ReleaseAsync(claim, incumbents, ctx, ct), ct);
    }

    /// <summary>Ends the association; <paramref name="ifMatch"/> as for <see cref="OptOutAsync"/>.</summary>
    public Task<Outcome<Claim>> EndAsync(string claimId, CustomerDecisionRequest? request, string? ifMatch, CancellationToken ct) =>
        commands.RunAsync(claimId, CustomerAdmin(ifMatch), (claim, ctx) =>
            FreeText.CommentError(request?.Comment, "comment", required: false)
                ?? claim.EndAssociation(EndReason.CustomerEnded, request?.Comment?.Trim(), ctx), ct);

    private static ClaimChangeOptions CustomerAdmin(string? ifMatch) =>
        new(u => u.IsCustomerAdmin) { IfMatch = ifMatch, Visible = CustomerClaims.Visible };

    /// <summary>POST /api/v1/consent/{token}/opt-out: the link is the credential; the history names the admin it was sent to.</summary>
    public async Task<Outcome<Claim>> OptOutByLinkAsync(string token, CustomerDecisionRequest? request, CancellationToken ct)
    {
        var read = await ReadLinkAsync(token, ct);
        if (!read.IsSuccess)
        {
            return Outcome<Claim>.Failure(read.Errors);
        }

        var (link, actor) = read.Value!;
        // The link is the credential: anyone holding it may act, on its tenant's claim only.
        List<string> incumbents = [];
        var byLink = handover.Releasing(link.ClaimId, new ClaimChangeOptions(_ => true) { Visible = (_, claim) => claim.TenantId == link.TenantId }, incumbents);
        var outcome = await commands.RunAsync(link.ClaimId, byLink, async (claim, ctx) =>
            (claim.ConsentEndsAt != link.ConsentEndsAt
                // A link from an earlier approval of this claim: that window is over.
                ? new DomainError(ErrorCodes.ConsentWindowClosed, null, link.ConsentEndsAt.ToString("O"))
                : FreeText.CommentError(request?.Comment, "comment", required: false)
                    ?? claim.OptOut(request?.Comment?.Trim(), ctx with { Actor = actor })) is { } error
                ? [error]
                : await handover.ReleaseAsync(claim, incumbents, ctx with { Actor = actor }, ct), ct);
        return outcome.IsSuccess || outcome.FirstError.Code != ErrorCodes.NotFound ? outcome : new DomainError(ErrorCodes.ConsentLinkInvalid, "token");
    }

    /// <summary>
    /// The link and the person it was sent to. A link stops working when its window closes, and
    /// when its recipient is no longer an admin of that tenant.
    /// </summary>
    public async Task<Outcome<(ConsentLink Link, Actor Actor)>> ReadLinkAsync(string token, CancellationToken ct)
    {
        var read = links.Read(token);
        if (!read.IsSuccess)
        {
            return Outcome<(ConsentLink, Actor)>.Failure(read.Errors);
        }

        var link = read.Value!;
        var name = link.RecipientName ?? "customer";
        if (link.RecipientUserId is { } userId)
        {
            var recipient = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId && u.TenantId == link.TenantId)
                .Select(u => new { u.DisplayName, u.Email })
                .SingleOrDefaultAsync(ct);
            if (recipient is null)
            {
                return new DomainError(ErrorCodes.ConsentLinkInvalid, "token");
            }

            name = string.IsNullOrWhiteSpace(recipient.DisplayName) ? recipient.Email ?? name : recipient.DisplayName;
        }

        return (link, new Actor(ActorKind.Customer, link.RecipientUserId, name));
    }
}
