using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Scheduler;

/// <summary>
/// The clock of CPOR.md §5: applies the automatic transitions that are due, oldest due first —
/// PartnerActionRequired → Rejected (NoPartnerResponse), Approved → Active when the consent window
/// ends, Active → Ended (SubscriptionEnded) when a subscription of the association ended or was
/// deleted or a legacy association expired, and the close of an unused dispute window.
/// <para>
/// Safe with any number of server instances and after any downtime: each claim is handled in its
/// own transaction, claimed with FOR UPDATE SKIP LOCKED (an instance passes over a claim another
/// one holds), and what is due is decided again on the locked, freshly read claim — so a
/// transition another instance has just applied is not applied twice, and nothing due is lost:
/// whatever was due while the servers were down is applied by the first pass after start-up.
/// </para>
/// </summary>
public sealed class ClaimScheduler(IServiceScopeFactory scopes, TimeProvider time, ILogger<ClaimScheduler> logger)
{
    private const int CandidateBatch = 50;

    /// <summary>Applies everything due now; returns what it did, in the order it did it.</summary>
    public async Task<IReadOnlyList<AppliedTransition>> RunDueAsync(CancellationToken ct)
    {
        var applied = new List<AppliedTransition>();
        // Claims another instance holds, or that turned out not to be due: not retried in this pass.
        var passed = new HashSet<string>(StringComparer.Ordinal);
        while (!ct.IsCancellationRequested)
        {
            var candidates = await DueAsync(time.GetUtcNow(), passed, ct);
            if (candidates.Count == 0)
            {
                break;
            }

            foreach (var candidate in candidates)
            {
                var done = await ApplyAsync(candidate, ct);
                if (done is null)
                {
                    passed.Add(candidate.ClaimId);
                    continue;
                }

                applied.Add(done);
                // The claim may owe another transition now (Approved → Active, then its ended
                // subscription): look again so that everything keeps its due order.
                break;
            }
        }

        return applied;
    }

    /// <summary>What is due at <paramref name="now"/>, oldest first: the claims' own deadlines and ended subscriptions.</summary>
    public async Task<List<DueItem>> DueAsync(DateTimeOffset now, IReadOnlyCollection<string> except, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CporDb>();
        var skip = except.ToArray();
        var deadlines = await db.Database.SqlQuery<DueItem>($"""
            SELECT id AS "ClaimId", next_auto_action_at AS "DueAt"
            FROM claims
            WHERE next_auto_action_at <= {now} AND NOT (id = ANY({skip}))
            ORDER BY next_auto_action_at, id
            LIMIT {CandidateBatch}
            """).ToListAsync(ct);
        // LEAST ignores NULLs: the earliest of the reasons an Active association has to end.
        var endings = await db.Database.SqlQuery<DueItem>($"""
            SELECT a.claim_id AS "ClaimId",
                   MIN(LEAST(CASE WHEN a.expires_at <= {now} THEN a.expires_at END,
                             CASE WHEN s.ends_at <= {now} THEN s.ends_at END,
                             CASE WHEN s.state = 'Deleted' THEN s.updated_at END)) AS "DueAt"
            FROM associations a
            LEFT JOIN subscriptions s ON s.id = a.subscription_id
            WHERE a.state = 'Active'
              AND (a.expires_at <= {now} OR s.ends_at <= {now} OR s.state = 'Deleted')
              AND NOT (a.claim_id = ANY({skip}))
            GROUP BY a.claim_id
            ORDER BY 2, 1
            LIMIT {CandidateBatch}
            """).ToListAsync(ct);
        return [.. deadlines.Concat(endings)
            .GroupBy(d => d.ClaimId)
            .Select(g => g.MinBy(d => d.DueAt)!)
            .OrderBy(d => d.DueAt).ThenBy(d => d.ClaimId, StringComparer.Ordinal)
            .Take(CandidateBatch)];
    }

    /// <summary>
    /// One claim, one transaction: lock it unless another instance has it, decide on the fresh
    /// row what is due, apply it as the system, save with its history and outbox. Null when there
    /// was nothing (left) to do.
    /// </summary>
    private async Task<AppliedTransition?> ApplyAsync(DueItem item, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CporDb>();
        var commands = scope.ServiceProvider.GetRequiredService<ClaimCommands>();
        var clock = scope.ServiceProvider.GetRequiredService<ClaimClock>();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Database
                .SqlQuery<string>($"SELECT id AS \"Value\" FROM claims WHERE id = {item.ClaimId} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);
            if (locked.Count == 0 || await ClaimCommands.LoadAsync(db.Claims, item.ClaimId, ct) is not { } claim)
            {
                return null;
            }

            var ctx = await clock.ContextAsync(Actor.System, ct);
            var from = claim.Status;
            var (action, error) = await ApplyDueAsync(db, claim, ctx, ct);
            if (action is null)
            {
                if (error is not null)
                {
                    logger.LogWarning("Clock: {Claim} was due at {Due} but {Error}", item.ClaimId, item.DueAt, error);
                }

                return null;
            }

            if (await commands.SaveAsync(claim, ct) is { } saveError)
            {
                logger.LogWarning("Clock: could not save {Action} on {Claim}: {Error}", action, item.ClaimId, saveError);
                return null;
            }

            await tx.CommitAsync(ct);
            logger.LogInformation("Clock: {Action} on {Claim} ({From} → {To}), due {Due}", action, claim.Id, from, claim.Status, item.DueAt);
            return new AppliedTransition(claim.Id, action, from, claim.Status, item.DueAt, ctx.Now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Clock: failed on {Claim}; it stays due", item.ClaimId);
            return null;
        }
    }

    /// <summary>The transition the claim owes now, applied; (null, null) when nothing is due.</summary>
    private static async Task<(string? Action, DomainError? Error)> ApplyDueAsync(CporDb db, Claim claim, TransitionContext ctx, CancellationToken ct)
    {
        var deadlinePassed = claim.NextAutoActionAt is { } due && due <= ctx.Now;
        switch (claim.Status)
        {
            case ClaimStatus.PartnerActionRequired when deadlinePassed:
                return Applied(nameof(ClaimAction.PartnerResponseTimeout), claim.TimeOutPartnerResponse(ctx));
            case ClaimStatus.Approved when deadlinePassed:
                return Applied(nameof(ClaimAction.ConsentWindowEnd), claim.CompleteConsentWindow(ctx));
            case ClaimStatus.Rejected when deadlinePassed:
                return Applied(nameof(ClaimEventKind.DisputeWindowClosed), claim.CloseDisputeWindow(ctx));
            case ClaimStatus.Active when await AssociationEndedAsync(db, claim, ctx.Now, ct):
                return Applied(nameof(ClaimAction.EndAssociation), claim.EndAssociation(EndReason.SubscriptionEnded, comment: null, ctx));
            default:
                return (null, null);
        }

        static (string?, DomainError?) Applied(string action, DomainError? error) => error is null ? (action, null) : (null, error);
    }

    /// <summary>True when an Active association's subscription has ended or been deleted, or a legacy association expired.</summary>
    private static async Task<bool> AssociationEndedAsync(CporDb db, Claim claim, DateTimeOffset now, CancellationToken ct)
    {
        var active = claim.Associations.Where(a => a.State == AssociationState.Active).ToList();
        if (active.Any(a => a.ExpiresAt <= now))
        {
            return true;
        }

        var subscriptionIds = active.Select(a => a.SubscriptionId).OfType<Guid>().ToList();
        return subscriptionIds.Count > 0 && await db.Subscriptions.AsNoTracking()
            .AnyAsync(s => subscriptionIds.Contains(s.Id) && (s.EndsAt <= now || s.State == SubscriptionState.Deleted), ct);
    }
}
