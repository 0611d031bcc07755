using Cpor.Domain;
using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Associations;

/// <summary>
/// Computes <see cref="ContributionCredit"/> for a page of associations from the current facts:
/// one query for the units' monthly facts, one for the digital partner of record links on them.
/// Credit is measured when read, not stored: new months of usage keep counting while the
/// association is Active, and an Ended one stays frozen at its end.
/// </summary>
public sealed class CreditCalculator(CporDb db, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, CreditResult>> ComputeAsync(IReadOnlyList<Association> associations, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var units = associations.Select(a => UsageFact.DataUnitOf(a.TenantId, a.ProductId, a.SubscriptionId)).Distinct().ToList();
        var facts = units.Count == 0
            ? []
            : await db.UsageFacts.AsNoTracking()
                .Where(f => units.Contains(f.DataUnit))
                .Select(f => new { f.DataUnit, f.TenantId, f.Month, f.ActiveUsers, f.SeatsPurchased, f.SeatsAssigned })
                .ToListAsync(ct);
        var byUnit = facts.ToLookup(f => f.DataUnit);

        var tenants = associations.Select(a => a.TenantId).Distinct().ToList();
        var links = tenants.Count == 0
            ? []
            : await (
                    from l in db.DigitalPartnerLinks.AsNoTracking()
                    join s in db.Subscriptions.AsNoTracking() on l.SubscriptionId equals s.Id
                    where tenants.Contains(s.TenantId)
                    select new { SubscriptionId = s.Id, s.TenantId, s.ProductId, l.PartnerOrgId })
                .ToListAsync(ct);

        var credits = new Dictionary<string, CreditResult>();
        foreach (var a in associations)
        {
            var unit = UsageFact.DataUnitOf(a.TenantId, a.ProductId, a.SubscriptionId);
            var measure = ContributionCredit.MeasureFor(a.Activity, a.UnitKind);
            var series = byUnit[unit]
                .Where(f => f.TenantId == a.TenantId)
                .Select(f => new { f.Month, Value = measure switch
                {
                    CreditMeasure.ActiveUsers => f.ActiveUsers,
                    CreditMeasure.SeatsAssigned => f.SeatsAssigned,
                    CreditMeasure.SeatsPurchased => f.SeatsPurchased,
                    null => null,
                } })
                .Where(v => v.Value is not null)
                .Select(v => new MonthlyValue(v.Month, v.Value!.Value))
                .ToList();
            // DPOR links are per subscription; a workload's are those of its tenant's subscriptions of that product.
            var digital = links
                .Where(l => a.SubscriptionId is { } sub ? l.SubscriptionId == sub : l.TenantId == a.TenantId && l.ProductId == a.ProductId)
                .Select(l => l.PartnerOrgId)
                .ToList();
            credits[a.Id] = ContributionCredit.Compute(a, series, digital, now);
        }

        return credits;
    }
}
