using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;

namespace Cpor.Web.Features.Claims;

/// <summary>POST /api/v1/claims: a partner creates a Draft.</summary>
public sealed class CreateClaim(CporDb db, CurrentUser user, ClaimClock clock, ClaimCommands commands)
{
    public async Task<Outcome<Claim>> HandleAsync(ClaimInput input, CancellationToken ct)
    {
        if (!ClaimPermissions.CanCreate(user))
        {
            return CommonErrors.Forbidden;
        }

        await using var uow = await UnitOfWork.BeginAsync(db, ct);
        var validated = await commands.ValidateAsync(input, user.PartnerOrgId!, claimId: null, ct);
        if (!validated.IsSuccess)
        {
            return Outcome<Claim>.Failure(validated.Errors);
        }

        var (details, products, competing, occupants) = validated.Value!;
        var ctx = await clock.ContextAsync(user.Actor, ct);
        var claim = Claim.Create(details, products, user.PartnerOrgId!, competing, ctx);
        db.Claims.Add(claim);
        if (competing)
        {
            await commands.MarkCompetitorsAsync(claim, occupants, ctx, ct);
        }

        if (await commands.SaveAsync(claim, ct) is { } error)
        {
            return error;
        }

        await uow.CommitAsync(ct);
        return claim;
    }
}
