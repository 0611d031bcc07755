using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Associations;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Scheduler;

/// <summary>
/// The clock of CPOR.md §5: applies the automatic transitions that are due, oldest due first —
/// PartnerActionRequired → Rejected (NoPartnerResponse), Approved → Active when the consent window
/// ends (handing over the units arbitration promised to the claim, <see cref="Handover"/>), the end
/// of each unit whose subscription ended or is disabled or deleted, whose workload left the tenant,
/// or whose legacy association expired (<see cref="UnitEndings"/>; the claim ends with its last
/// unit), and the close of an unused dispute window.
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
        var endings = (await UnitEndings.DueClaimsAsync(db, db.Associations.Where(a => !skip.Contains(a.ClaimId)), now, CandidateBatch, ct))
            .Select(d => new DueItem(d.ClaimId, d.Since));
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
            // A challenger whose units are promised to it ends its incumbents' associations as its
            // own become Active: it takes the handover's locks (units, then the claims in id order)
            // and waits for them. Any other claim is passed over while another instance holds it.
            var handover = scope.ServiceProvider.GetRequiredService<Handover>();
            List<string> incumbents = [];
            if ((await handover.IncumbentIdsAsync(item.ClaimId, ct)).Count > 0)
            {
                incumbents = await handover.LockAsync(item.ClaimId, ct);
            }
            else if ((await db.Database
                .SqlQuery<string>($"SELECT id AS \"Value\" FROM claims WHERE id = {item.ClaimId} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct)).Count == 0)
            {
                return null;
            }

            if (await ClaimCommands.LoadAsync(db.Claims, item.ClaimId, ct) is not { } claim)
            {
                return null;
            }

            var ctx = await clock.ContextAsync(Actor.System, ct);
            var from = claim.Status;
            var (action, error) = await ApplyDueAsync(db, handover, claim, incumbents, ctx, ct);
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
    private static async Task<(string? Action, DomainError? Error)> ApplyDueAsync(
        CporDb db, Handover handover, Claim claim, IReadOnlyList<string> incumbents, TransitionContext ctx, CancellationToken ct)
    {
        var deadlinePassed = claim.NextAutoActionAt is { } due && due <= ctx.Now;
        switch (claim.Status)
        {
            case ClaimStatus.PartnerActionRequired when deadlinePassed:
                return Applied(nameof(ClaimAction.PartnerResponseTimeout), claim.TimeOutPartnerResponse(ctx));
            case ClaimStatus.Approved when deadlinePassed:
                // The incumbents let go first: one Active association per unit at every moment.
                return await handover.CompleteAsync(claim, incumbents, ctx, ct) is { } handoverError
                    ? (null, handoverError)
                    : Applied(nameof(ClaimAction.ConsentWindowEnd), claim.CompleteConsentWindow(ctx));
            case ClaimStatus.Rejected when deadlinePassed:
                return Applied(nameof(ClaimEventKind.DisputeWindowClosed), claim.CloseDisputeWindow(ctx));
            case ClaimStatus.Active:
                var endings = await UnitEndings.ListAsync(db, db.Associations.Where(a => a.ClaimId == claim.Id), ctx.Now, ct);
                if (endings.Count == 0)
                {
                    return (null, null);
                }

                // Only the units that are gone end; the claim keeps the others (CPOR.md §6).
                foreach (var reason in endings.GroupBy(e => e.Reason).OrderBy(g => g.Key))
                {
                    if (claim.EndUnits([.. reason.Select(e => e.AssociationId)], reason.Key, ctx) is { } error)
                    {
                        return (null, error);
                    }
                }

                return (nameof(ClaimAction.EndAssociation), null);
            default:
                return (null, null);
        }

        static (string?, DomainError?) Applied(string action, DomainError? error) => error is null ? (action, null) : (null, error);
    }
}
