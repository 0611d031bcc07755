using Cpor.Domain;
using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Claims;

/// <summary>Loads what claim validation and the exclusivity rule need to know from the database.</summary>
public sealed class ClaimDirectory(CporDb db)
{
    public async Task<DirectorySnapshot> LoadAsync(ClaimInput input, string partnerOrgId, CancellationToken ct)
    {
        TenantInfo? tenant = null;
        var subscriptions = new Dictionary<Guid, SubscriptionInfo>();
        if (Guid.TryParseExact(input.TenantId?.Trim(), "D", out var tenantId))
        {
            var row = await db.Tenants.AsNoTracking()
                .Include(t => t.Domains).Include(t => t.Workloads)
                .AsSplitQuery()
                .SingleOrDefaultAsync(t => t.Id == tenantId, ct);
            if (row is not null)
            {
                tenant = new TenantInfo(row.Id, row.Name, [.. row.Domains.Select(d => d.Domain)], [.. row.Workloads.Select(w => w.ProductId)]);
                foreach (var s in await db.Subscriptions.AsNoTracking().Where(s => s.TenantId == tenantId).ToListAsync(ct))
                {
                    subscriptions[s.Id] = s.ToInfo();
                }
            }
        }

        var named = (input.Products ?? [])
            .Select(p => Guid.TryParseExact(p?.SubscriptionId?.Trim(), "D", out var id) ? id : (Guid?)null)
            .OfType<Guid>()
            .Where(id => !subscriptions.ContainsKey(id))
            .Distinct()
            .ToList();
        if (named.Count > 0)
        {
            foreach (var s in await db.Subscriptions.AsNoTracking().Where(s => named.Contains(s.Id)).ToListAsync(ct))
            {
                subscriptions[s.Id] = s.ToInfo();
            }
        }

        var products = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.ToInfo(), ct);
        var mpns = await db.PartnerLocations.AsNoTracking()
            .Where(l => l.PartnerOrgId == partnerOrgId)
            .ToDictionaryAsync(l => l.MpnId, l => new MpnInfo(l.MpnId, l.Programs), ct);
        return new DirectorySnapshot(tenant, subscriptions, products, mpns);
    }

    /// <summary>Every open claim (any organisation) naming one of the units.</summary>
    public async Task<List<UnitOccupant>> OccupantsAsync(IEnumerable<string> unitKeys, CancellationToken ct)
    {
        var keys = unitKeys.Distinct().ToList();
        return await (
                from p in db.ClaimProducts
                join c in db.Claims on p.ClaimId equals c.Id
                where p.IsOpen && keys.Contains(p.UnitKey)
                select new UnitOccupant(p.UnitKey, c.Id, c.PartnerOrgId, c.Status))
            .ToListAsync(ct);
    }
}
