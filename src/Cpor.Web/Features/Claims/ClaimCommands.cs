using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Claims;

/// <summary>A claim's partner fields once validated, with the exclusivity verdict.</summary>
public sealed record ValidatedClaim(ClaimDetails Details, IReadOnlyList<ResolvedProduct> Products, bool Competing, IReadOnlyList<UnitOccupant> Occupants);

/// <summary>
/// Who may make a change to a claim and under which conditions. <see cref="MayAct"/> is about the
/// caller alone (a role), so it is checked before anything is locked.
/// </summary>
public sealed record ClaimChangeOptions(Func<CurrentUser, bool> MayAct)
{
    /// <summary>The version the caller last saw; a stale one answers 412.</summary>
    public string? IfMatch { get; init; }

    /// <summary>Refuse the change without <see cref="IfMatch"/> (428): edits that merge onto what the caller saw.</summary>
    public bool IfMatchRequired { get; init; }

    /// <summary>Which claims the caller sees (default: <see cref="CurrentUser.CanSee"/>); one they don't see is 404.</summary>
    public Func<CurrentUser, Claim, bool>? Visible { get; init; }

    /// <summary>
    /// Locks other rows before the claim's own, in the order documented on
    /// <see cref="Review.Arbitration"/>; runs in the change's transaction, only for a caller who
    /// may act on an id that may exist.
    /// </summary>
    public Func<CancellationToken, Task>? LockFirst { get; init; }
}

/// <summary>What a change does to the locked claim; errors leave it unsaved.</summary>
public delegate Task<IReadOnlyList<DomainError>> ClaimChange(Claim claim, TransitionContext ctx);

/// <summary>
/// The one door every change to an existing claim goes through: in one transaction, take the
/// locks that come first, lock the claim's row, check that the caller may see it (404 otherwise)
/// and may act (403), check If-Match (412), let the domain change it, save the change with its
/// history, and turn constraint violations back into their business errors.
/// </summary>
public sealed class ClaimCommands(CporDb db, CurrentUser user, ClaimClock clock, ClaimDirectory directory)
{
    /// <summary>A change that needs no I/O of its own: the domain's answer is the outcome.</summary>
    public Task<Outcome<Claim>> RunAsync(string claimId, ClaimChangeOptions options, Func<Claim, TransitionContext, DomainError?> change, CancellationToken ct) =>
        RunAsync(claimId, options, (claim, ctx) => Task.FromResult<IReadOnlyList<DomainError>>(change(claim, ctx) is { } error ? [error] : []), ct);

    public async Task<Outcome<Claim>> RunAsync(string claimId, ClaimChangeOptions options, ClaimChange change, CancellationToken ct)
    {
        await using var uow = await UnitOfWork.BeginAsync(db, ct);
        if (options.LockFirst is { } lockFirst && options.MayAct(user) && Ids.MayExist(claimId))
        {
            await lockFirst(ct);
        }

        var claim = await LoadForUpdateAsync(claimId, ct);
        if (claim is null || !(options.Visible ?? ((u, c) => u.CanSee(c)))(user, claim))
        {
            return CommonErrors.NotFound;
        }

        if (!options.MayAct(user))
        {
            return CommonErrors.Forbidden;
        }

        if (ETags.Check(options.IfMatch, claim.Version, options.IfMatchRequired) is { } precondition)
        {
            return precondition;
        }

        var ctx = await clock.ContextAsync(user.Actor, ct);
        var errors = await change(claim, ctx);
        if (errors.Count > 0)
        {
            return Outcome<Claim>.Failure(errors);
        }

        if (await SaveAsync(claim, ct) is { } saveError)
        {
            return saveError;
        }

        await uow.CommitAsync(ct);
        return claim;
    }

    /// <summary>Locks the claim's row for the rest of the transaction, then loads it whole.</summary>
    public async Task<Claim?> LoadForUpdateAsync(string claimId, CancellationToken ct)
    {
        if (!Ids.MayExist(claimId))
        {
            return null;
        }

        var locked = await db.Database
            .SqlQuery<int>($"SELECT 1 AS \"Value\" FROM claims WHERE id = {claimId} FOR UPDATE")
            .ToListAsync(ct);
        return locked.Count == 0 ? null : await LoadAsync(db.Claims, claimId, ct);
    }

    /// <summary>Like <see cref="LoadForUpdateAsync"/>, but null at once when another transaction holds the row.</summary>
    private async Task<Claim?> LoadIfFreeAsync(string claimId, CancellationToken ct)
    {
        var locked = await db.Database
            .SqlQuery<int>($"SELECT 1 AS \"Value\" FROM claims WHERE id = {claimId} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        return locked.Count == 0 ? null : await LoadAsync(db.Claims, claimId, ct);
    }

    /// <summary>A claim with its products, files and associations, for reading.</summary>
    public static Task<Claim?> LoadAsync(IQueryable<Claim> claims, string claimId, CancellationToken ct) =>
        claims.Include(c => c.Products).Include(c => c.Attachments).Include(c => c.Associations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == claimId, ct);

    /// <summary>
    /// Validates the input against the directory, then the exclusivity rule against open claims
    /// (<paramref name="claimId"/> excluded), then the uniqueness of the external id.
    /// </summary>
    public async Task<Outcome<ValidatedClaim>> ValidateAsync(ClaimInput input, string partnerOrgId, string? claimId, CancellationToken ct)
    {
        var snapshot = await directory.LoadAsync(input, partnerOrgId, ct);
        var validation = ClaimValidator.Validate(input, snapshot);
        if (!validation.IsValid)
        {
            return Outcome<ValidatedClaim>.Failure(validation.Errors);
        }

        var occupants = await directory.OccupantsAsync(validation.Products.Select(p => p.UnitKey), ct);
        var (exclusivityError, competing) = Exclusivity.Check(partnerOrgId, claimId, validation.Products, occupants);
        if (exclusivityError is not null)
        {
            return exclusivityError;
        }

        var details = validation.Details!;
        if (details.ExternalId is { } externalId
            && await db.Claims.AnyAsync(c => c.PartnerOrgId == partnerOrgId && c.ExternalId == externalId && c.Id != claimId, ct))
        {
            return new DomainError(ErrorCodes.ExternalIdTaken, "externalId", externalId);
        }

        return new ValidatedClaim(details, validation.Products, competing, occupants);
    }

    /// <summary>
    /// A claim entering arbitration makes the other organisations' undecided claims on its units
    /// competing too: reviewers must see both sides. A claim someone else is changing right now
    /// is left alone rather than waited for — waiting on a second row while holding the first is
    /// how two edits deadlock — and that change checks its own units against ours anyway.
    /// </summary>
    public async Task MarkCompetitorsAsync(Claim claim, IReadOnlyList<UnitOccupant> occupants, TransitionContext ctx, CancellationToken ct)
    {
        var units = claim.Products.Select(p => p.UnitKey).ToHashSet();
        var others = occupants
            .Where(o => o.PartnerOrgId != claim.PartnerOrgId && units.Contains(o.UnitKey) && !ClaimLifecycle.HoldsUnits(o.Status))
            .Select(o => o.ClaimId)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var system = ctx with { Actor = Actor.System };
        foreach (var otherId in others)
        {
            if (await LoadIfFreeAsync(otherId, ct) is { } other)
            {
                other.MarkCompeting(system);
            }
        }
    }

    /// <summary>Saves, translating the constraints that stand for business rules into their errors.</summary>
    public async Task<DomainError?> SaveAsync(Claim claim, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommonErrors.VersionMismatch;
        }
        catch (DbUpdateException e) when (BusinessRuleOf(DbErrors.UniqueViolation(e), claim) is { } error)
        {
            return error;
        }
    }

    /// <summary>The business error a unique index stands for; null for any other failure (which stays unexpected).</summary>
    private static DomainError? BusinessRuleOf(string? constraint, Claim claim) => constraint switch
    {
        "ux_claim_products_org_unit_open" => Exclusivity.AlreadyClaimed(claim.Products[0].ToResolved(), "products"),
        "ux_associations_unit_holder" or "ux_associations_unit_active" => new DomainError(ErrorCodes.UnitAlreadyAssociated, "products"),
        "ux_associations_unit_handover" => new DomainError(ErrorCodes.HandoverPending, "products", claim.Products[0].ToString()),
        "ix_claims_partner_org_id_external_id" => new DomainError(ErrorCodes.ExternalIdTaken, "externalId", claim.ExternalId ?? ""),
        _ => null,
    };
}
