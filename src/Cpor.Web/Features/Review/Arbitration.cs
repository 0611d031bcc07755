using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Review;

/// <summary>
/// Competing claims (CPOR.md §6): who competes with a claim, the locks that keep concurrent
/// reviews and approvals of competing claims apart, and the notice both partners get.
/// <para>
/// Lock order, the same in every transaction that writes to more than one claim here: first the
/// advisory locks of the units (sorted), then the claim rows (sorted by id, in one statement).
/// A transaction never waits for a lock while holding one that comes later in that order, so
/// reviewers acting on competing claims at the same moment queue up instead of deadlocking.
/// </para>
/// </summary>
public sealed class Arbitration(CporDb db, ClaimCommands commands)
{
    /// <summary>The notice's UiText key: stored on the comment, so that each reader gets it in their language.</summary>
    public const string NoticeKey = "comments.arbitrationNotice";

    /// <summary>The units a claim names.</summary>
    public Task<List<string>> UnitKeysAsync(string claimId, CancellationToken ct) =>
        db.ClaimProducts.AsNoTracking().Where(p => p.ClaimId == claimId).Select(p => p.UnitKey).Distinct().ToListAsync(ct);

    /// <summary>Every other claim on the same units: open claims of any organisation, and the holders.</summary>
    public async Task<List<string>> CompetitorIdsAsync(string claimId, IReadOnlyCollection<string> unitKeys, CancellationToken ct)
    {
        var open = await db.ClaimProducts.AsNoTracking()
            .Where(p => p.IsOpen && unitKeys.Contains(p.UnitKey) && p.ClaimId != claimId)
            .Select(p => p.ClaimId)
            .ToListAsync(ct);
        var holders = await HolderIdsAsync(claimId, unitKeys, ct);
        return [.. open.Concat(holders).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The claims whose Approved or Active association holds one of the units (at most one per unit).</summary>
    public Task<List<string>> HolderIdsAsync(string claimId, IReadOnlyCollection<string> unitKeys, CancellationToken ct) =>
        db.Associations.AsNoTracking()
            .Where(a => (a.State == AssociationState.Approved || a.State == AssociationState.Active)
                && unitKeys.Contains(a.UnitKey) && a.ClaimId != claimId)
            .Select(a => a.ClaimId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(ct);

    /// <summary>
    /// Locks the claims' rows for the rest of the transaction, in id order. One statement: the
    /// rows are sorted before they are locked.
    /// </summary>
    public async Task LockInOrderAsync(IEnumerable<string> claimIds, CancellationToken ct)
    {
        var ids = claimIds.Where(Ids.MayExist).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (ids.Length > 0)
        {
            await db.Database.SqlQuery<string>($"SELECT id AS \"Value\" FROM claims WHERE id = ANY({ids}) ORDER BY id FOR UPDATE").ToListAsync(ct);
        }
    }

    /// <summary>
    /// Serialises approvals on the same units: a transaction-scoped advisory lock per unit, taken
    /// in one fixed order. Whoever comes second sees the first one's association.
    /// </summary>
    public async Task LockUnitsAsync(IEnumerable<string> unitKeys, CancellationToken ct)
    {
        var keys = unitKeys.Distinct().Select(LockKey).Distinct().Order().ToArray();
        if (keys.Length > 0)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(k) FROM unnest({keys}) AS k", ct);
        }
    }

    /// <summary>
    /// Tells everyone in the arbitration: a system comment on the claim and on each competitor
    /// that does not have one yet. The rows must already be locked (<see cref="LockInOrderAsync"/>).
    /// </summary>
    public async Task AnnounceAsync(Claim claim, IReadOnlyList<string> competitorIds, TransitionContext ctx, CancellationToken ct)
    {
        var system = ctx with { Actor = Actor.System };
        var involved = competitorIds.Append(claim.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        var told = await db.ClaimComments.AsNoTracking()
            .Where(c => involved.Contains(c.ClaimId) && c.AuthorKind == ActorKind.System && c.TextKey == NoticeKey)
            .Select(c => c.ClaimId)
            .ToListAsync(ct);
        foreach (var id in involved.Except(told))
        {
            var target = id == claim.Id ? claim : await commands.LoadForUpdateAsync(id, ct);
            if (target is not null)
            {
                target.AddSystemComment(NoticeKey, [], system);
            }
        }
    }

    private static long LockKey(string unitKey) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("cpor:unit:" + unitKey)));
}
