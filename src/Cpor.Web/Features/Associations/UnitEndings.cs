using Cpor.Domain;
using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Associations;

/// <summary>An Active association whose unit is gone, why, and since when.</summary>
public sealed class UnitEnding
{
    public string AssociationId { get; init; } = "";

    public string ClaimId { get; init; } = "";

    public EndReason Reason { get; init; }

    public DateTimeOffset Since { get; init; }
}

/// <summary>
/// CPOR.md §9, §12: when an Active association's unit is gone — its subscription ended or the
/// directory says Disabled or Deleted, a legacy association expired (SubscriptionEnded), its
/// Microsoft 365 workload is no longer enabled on the tenant (WorkloadRemoved). The one statement
/// of that rule: the clock and the directory import both ask here.
/// </summary>
public static class UnitEndings
{
    /// <summary>The Active associations of <paramref name="scope"/> whose unit is gone at <paramref name="now"/>.</summary>
    public static async Task<List<UnitEnding>> ListAsync(CporDb db, IQueryable<Association> scope, DateTimeOffset now, CancellationToken ct)
    {
        var found = new List<UnitEnding>();
        foreach (var part in Parts(db, scope, now))
        {
            found.AddRange(await part.ToListAsync(ct));
        }

        return [.. found.DistinctBy(e => e.AssociationId)];
    }

    /// <summary>
    /// The claims owing an ending, each with the moment its earliest became due, oldest first, at
    /// most <paramref name="limit"/> (each part is grouped and limited in the database).
    /// </summary>
    public static async Task<List<(string ClaimId, DateTimeOffset Since)>> DueClaimsAsync(
        CporDb db, IQueryable<Association> scope, DateTimeOffset now, int limit, CancellationToken ct)
    {
        var due = new List<(string, DateTimeOffset)>();
        foreach (var part in Parts(db, scope, now))
        {
            var rows = await part.GroupBy(e => e.ClaimId)
                .Select(g => new { ClaimId = g.Key, Since = g.Min(e => e.Since) })
                .OrderBy(d => d.Since).ThenBy(d => d.ClaimId)
                .Take(limit)
                .ToListAsync(ct);
            due.AddRange(rows.Select(r => (r.ClaimId, r.Since)));
        }

        return [.. due.GroupBy(d => d.Item1).Select(g => (g.Key, g.Min(d => d.Item2))).OrderBy(d => d.Item2).ThenBy(d => d.Key, StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>The rule, one query per way a unit can be gone.</summary>
    private static IEnumerable<IQueryable<UnitEnding>> Parts(CporDb db, IQueryable<Association> scope, DateTimeOffset now)
    {
        var active = scope.Where(a => a.State == AssociationState.Active);
        yield return
            from a in active
            where a.ExpiresAt <= now
            select new UnitEnding { AssociationId = a.Id, ClaimId = a.ClaimId, Reason = EndReason.SubscriptionEnded, Since = a.ExpiresAt!.Value };
        yield return
            from a in active
            join s in db.Subscriptions on a.SubscriptionId equals (Guid?)s.Id
            where s.EndsAt <= now || s.State == SubscriptionState.Disabled || s.State == SubscriptionState.Deleted
            select new UnitEnding
            {
                AssociationId = a.Id, ClaimId = a.ClaimId, Reason = EndReason.SubscriptionEnded, Since = s.EndsAt <= now ? s.EndsAt!.Value : s.UpdatedAt,
            };
        yield return
            from a in active
            where a.UnitKind == UnitKind.Workload && !db.TenantWorkloads.Any(w => w.TenantId == a.TenantId && w.ProductId == a.ProductId)
            join t in db.Tenants on a.TenantId equals t.Id
            select new UnitEnding { AssociationId = a.Id, ClaimId = a.ClaimId, Reason = EndReason.WorkloadRemoved, Since = t.UpdatedAt };
    }
}
