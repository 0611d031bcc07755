using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Directory;

/// <summary>
/// CPOR.md §12: existing Dynamics 365 / Power Platform associations stay valid until their
/// subscriptions expire. Each <c>legacyAssociation</c> record becomes an Active claim through
/// <see cref="Claim.ImportLegacy"/>, whose association expires at the subscription's end date (the
/// clock ends it then). Runs inside the directory import's transaction, a batch at a time:
/// references are checked set-based, the claims saved together (their history and eligibility
/// verdict with them), then let go so memory stays flat. Importing the same record again changes
/// nothing: a partner's legacy association of a unit is created once.
/// </summary>
public sealed class LegacyAssociationImport(CporDb db, CurrentUser user)
{
    private sealed record Plan(LegacyAssociationRecord Record, ClaimDetails Details, ResolvedProduct Product, DateTimeOffset? ExpiresAt, IReadOnlyList<string> Competitors);

    /// <returns>The records refused; every other one is imported or was already.</returns>
    public async Task<IReadOnlyList<RejectedLine>> ImportAsync(
        IReadOnlyList<LegacyAssociationRecord> records, IReadOnlyDictionary<string, SolutionArea> products, DateTimeOffset now, CancellationToken ct)
    {
        // Within a batch a later line of the same partner and unit replaces an earlier one.
        var batch = records
            .GroupBy(r => (r.PartnerOrgId, UnitKey(r)))
            .Select(g => g.Last())
            .OrderBy(r => r.Line)
            .ToList();
        var rejected = new List<RejectedLine>();
        var plans = await PlanAsync(batch, products, now, rejected, ct);
        if (plans.Count > 0)
        {
            var ctx = new TransitionContext(
                user.IsAuthenticated ? user.Actor : Actor.System,
                now,
                // An Active claim has no stage deadline: neither holidays nor timings play a part.
                BusinessCalendar.WeekendsOnly,
                new ClaimTimings());
            await SaveAsync(plans, ctx, rejected, ct);
        }

        return rejected;
    }

    private static string UnitKey(LegacyAssociationRecord r) => ActivityRules.UnitKey(r.Activity, r.TenantId, r.ProductId, r.SubscriptionId);

    private async Task<List<Plan>> PlanAsync(
        List<LegacyAssociationRecord> batch, IReadOnlyDictionary<string, SolutionArea> products, DateTimeOffset now, List<RejectedLine> rejected, CancellationToken ct)
    {
        var partnerIds = batch.Select(r => r.PartnerOrgId).Distinct().ToList();
        var mpnIds = batch.Select(r => r.MpnId).Distinct().ToList();
        var tenantIds = batch.Select(r => r.TenantId).Distinct().ToList();
        var subscriptionIds = batch.Select(r => r.SubscriptionId).Distinct().ToList();
        var unitKeys = batch.Select(UnitKey).Distinct().ToList();

        var partners = (await db.PartnerOrgs.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var mpnOwners = await db.PartnerLocations.AsNoTracking().Where(l => mpnIds.Contains(l.MpnId)).ToDictionaryAsync(l => l.MpnId, l => l.PartnerOrgId, ct);
        var tenants = await db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        // The claim names the customer by a verified domain: the tenant's own before its onmicrosoft.com one.
        var domains = (await db.TenantDomains.AsNoTracking().Where(d => tenantIds.Contains(d.TenantId)).ToListAsync(ct))
            .GroupBy(d => d.TenantId)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Domain).OrderBy(d => d.EndsWith(".onmicrosoft.com", StringComparison.Ordinal)).ThenBy(d => d, StringComparer.Ordinal).First());
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var productNames = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var associations = await db.Associations.AsNoTracking()
            .Where(a => unitKeys.Contains(a.UnitKey) && (a.Legacy || a.State == AssociationState.Approved || a.State == AssociationState.Active))
            .Select(a => new { a.UnitKey, a.PartnerOrgId, a.State, a.Legacy })
            .ToListAsync(ct);
        var openClaims = await (
                from p in db.ClaimProducts.AsNoTracking()
                join c in db.Claims.AsNoTracking() on p.ClaimId equals c.Id
                where p.IsOpen && unitKeys.Contains(p.UnitKey)
                select new { p.UnitKey, ClaimId = c.Id, c.PartnerOrgId, c.Status })
            .ToListAsync(ct);

        var plans = new List<Plan>();
        var heldInBatch = new Dictionary<string, string>();
        foreach (var r in batch)
        {
            var unit = UnitKey(r);
            var subscriptionText = r.SubscriptionId.ToString("D");
            RejectedLine Refuse(string code, string field, params object[] args) => new(r.Line, code, field, args);
            var refusal =
                !products.TryGetValue(r.ProductId, out var area) ? Refuse(ErrorCodes.ProductNotFound, "productId", r.ProductId)
                : area != SolutionArea.BusinessApplications ? Refuse(ErrorCodes.LegacyProductNotAllowed, "productId", r.ProductId)
                : !ActivityRules.IsOffered(area, r.Activity) ? Refuse(ErrorCodes.ActivityNotInSolutionArea, "activity", r.Activity.ToString(), area.ToString())
                : !partners.Contains(r.PartnerOrgId) ? Refuse(ErrorCodes.PartnerNotFound, "partnerOrgId", r.PartnerOrgId)
                : !mpnOwners.TryGetValue(r.MpnId, out var owner) || owner != r.PartnerOrgId ? Refuse(ErrorCodes.MpnNotInOrg, "mpnId", r.MpnId)
                : !tenants.ContainsKey(r.TenantId) ? Refuse(ErrorCodes.TenantNotFound, "tenantId", r.TenantId.ToString("D"))
                : !subscriptions.TryGetValue(r.SubscriptionId, out var subscription) ? Refuse(ErrorCodes.SubscriptionNotFound, "subscriptionId", subscriptionText)
                : subscription.TenantId != r.TenantId ? Refuse(ErrorCodes.SubscriptionNotOnTenant, "subscriptionId", subscriptionText)
                : subscription.ProductId != r.ProductId ? Refuse(ErrorCodes.SubscriptionProductMismatch, "productId", productNames.GetValueOrDefault(subscription.ProductId, subscription.ProductId))
                : null;
            if (refusal is not null)
            {
                rejected.Add(refusal);
                continue;
            }

            // Already imported (whatever became of it since): a re-import changes nothing.
            if (associations.Any(a => a.UnitKey == unit && a.PartnerOrgId == r.PartnerOrgId && a.Legacy))
            {
                continue;
            }

            var sub = subscriptions[r.SubscriptionId];
            var holder = associations.FirstOrDefault(a => a.UnitKey == unit && a.State is AssociationState.Approved or AssociationState.Active)?.PartnerOrgId
                ?? heldInBatch.GetValueOrDefault(unit);
            refusal =
                sub.Channel == SubscriptionChannel.CSP ? Refuse(ErrorCodes.SubscriptionIsCsp, "subscriptionId")
                : !sub.Provisioned ? Refuse(ErrorCodes.SubscriptionNotProvisioned, "subscriptionId")
                : sub.State is not (SubscriptionState.Active or SubscriptionState.Grace) ? Refuse(ErrorCodes.SubscriptionNotActive, "subscriptionId", sub.State.ToString())
                : sub.EndsAt is { } ends && ends <= now ? Refuse(ErrorCodes.LegacySubscriptionExpired, "subscriptionId", subscriptionText, DateOnly.FromDateTime(ends.UtcDateTime))
                // Past the expiry check the subscription ends after now, so a start before now is before its end too.
                : r.ActiveFrom > now ? Refuse(ErrorCodes.LegacyActiveFromInvalid, "activeFrom")
                : holder is not null && holder != r.PartnerOrgId ? Refuse(ErrorCodes.LegacyUnitHeld, "subscriptionId", subscriptionText)
                : holder is not null || openClaims.Any(c => c.UnitKey == unit && c.PartnerOrgId == r.PartnerOrgId)
                    ? Refuse(ErrorCodes.SubscriptionAlreadyClaimed, "subscriptionId", subscriptionText)
                : null;
            if (refusal is not null)
            {
                rejected.Add(refusal);
                continue;
            }

            var name = r.Name ?? $"{tenants[r.TenantId]} — {productNames.GetValueOrDefault(r.ProductId, r.ProductId)}";
            var details = new ClaimDetails(
                name.Length > ClaimValidator.MaxNameLength ? name[..ClaimValidator.MaxNameLength] : name,
                ExternalId: null,
                r.MpnId,
                r.TenantId,
                domains.GetValueOrDefault(r.TenantId, ""),
                SolutionArea.BusinessApplications,
                r.Activity,
                // Made before CPOR: the import carries no contacts, and nobody is asked for them any more.
                CustomerContact: new Contact("", null, ""),
                TechnicalContact: null,
                PartnerContact: new Contact("", null, ""),
                RevenueAssociation: null);
            // Another organisation's undecided claim on the unit now faces a holder: it goes to arbitration (CPOR.md §6).
            var competitors = openClaims
                .Where(c => c.UnitKey == unit && c.PartnerOrgId != r.PartnerOrgId && !ClaimLifecycle.HoldsUnits(c.Status))
                .Select(c => c.ClaimId)
                .Distinct()
                .ToList();
            plans.Add(new Plan(r, details, new ResolvedProduct(r.ProductId, r.SubscriptionId, unit, UnitKind.Subscription), sub.EndsAt, competitors));
            heldInBatch[unit] = r.PartnerOrgId;
        }

        return plans;
    }

    /// <summary>
    /// Saves the batch at once. Should a concurrent approval take one of its units meanwhile, the
    /// save rolls back to its savepoint and the batch is saved one claim at a time, refusing only
    /// the claims that lost the unit.
    /// </summary>
    private async Task SaveAsync(List<Plan> plans, TransitionContext ctx, List<RejectedLine> rejected, CancellationToken ct)
    {
        try
        {
            foreach (var plan in plans)
            {
                await StageAsync(plan, ctx, ct);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (UnitConflict(e) is not null)
            {
                Release();
            }

            foreach (var plan in plans)
            {
                await StageAsync(plan, ctx, ct);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException e) when (UnitConflict(e) is { } code)
                {
                    Release();
                    rejected.Add(new RejectedLine(plan.Record.Line, code, "subscriptionId", [plan.Record.SubscriptionId.ToString("D")]));
                }
            }
        }
        finally
        {
            Release();
        }
    }

    private async Task StageAsync(Plan plan, TransitionContext ctx, CancellationToken ct)
    {
        var claim = Claim.ImportLegacy(plan.Details, [plan.Product], plan.Record.PartnerOrgId, plan.Record.ActiveFrom, plan.ExpiresAt, ctx);
        db.Claims.Add(claim);
        if (plan.Competitors.Count == 0)
        {
            return;
        }

        // One lock order for everyone (as ClaimCommands does): no deadlock with a reviewer's change.
        var ids = plan.Competitors.Order(StringComparer.Ordinal).ToList();
        await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM claims WHERE id = ANY({ids}) ORDER BY id FOR UPDATE").ToListAsync(ct);
        foreach (var competitor in await db.Claims.Where(c => ids.Contains(c.Id)).ToListAsync(ct))
        {
            competitor.MarkCompeting(ctx with { Actor = Actor.System });
        }
    }

    /// <summary>Lets go of the claims of this batch (saved or not): the context does not grow with the import.</summary>
    private void Release()
    {
        foreach (var entry in db.ChangeTracker.Entries()
            .Where(e => e.Entity is Claim or ClaimProduct or ClaimAttachment or Association or ClaimEvent or AssociationEligibility)
            .ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private static string? UnitConflict(DbUpdateException e) => DbErrors.UniqueViolation(e) switch
    {
        "ux_associations_unit_holder" => ErrorCodes.LegacyUnitHeld,
        "ux_claim_products_org_unit_open" => ErrorCodes.SubscriptionAlreadyClaimed,
        _ => null,
    };
}
