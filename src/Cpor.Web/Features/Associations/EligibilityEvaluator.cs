using System.Text.Json;
using Cpor.Domain;
using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Associations;

/// <summary>
/// Gathers what <see cref="EligibilityRules"/> needs about one association — its MPN ID's
/// enrolments, its subscription or workload as the directory has them now — and turns the verdict
/// into the row that keeps it. Three key lookups per association.
/// </summary>
public sealed class EligibilityEvaluator(TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Synchronous on purpose: <see cref="IClaimEventObserver"/> runs inside SaveChangesAsync and
    /// is synchronous by contract (the notification outbox shares it), so the lookups block briefly
    /// on the transaction's own connection.
    /// </summary>
    public AssociationEligibility Evaluate(CporDb db, Association association)
    {
        var programs = MpnPrograms(db, association).FirstOrDefault();
        var subscription = association.SubscriptionId is null ? null : SubscriptionOf(db, association).FirstOrDefault();
        var workload = association.UnitKind != UnitKind.Workload || WorkloadOf(db, association).Any();
        return Verdict(association, programs, subscription, workload);
    }

    public async Task<AssociationEligibility> EvaluateAsync(CporDb db, Association association, CancellationToken ct)
    {
        var programs = await MpnPrograms(db, association).FirstOrDefaultAsync(ct);
        var subscription = association.SubscriptionId is null ? null : await SubscriptionOf(db, association).FirstOrDefaultAsync(ct);
        var workload = association.UnitKind != UnitKind.Workload || await WorkloadOf(db, association).AnyAsync(ct);
        return Verdict(association, programs, subscription, workload);
    }

    /// <summary>
    /// Evaluates the Active and Ended associations of <paramref name="scope"/> that have no verdict
    /// yet — those made Active before this evaluation existed, and those ended before they could
    /// be evaluated (never eligible: they never became Active). Concurrent readers race
    /// harmlessly: the first row wins.
    /// </summary>
    public async Task EnsureEvaluatedAsync(CporDb db, IQueryable<Association> scope, CancellationToken ct)
    {
        var missing = await scope
            .Where(a => a.State == AssociationState.Active || a.State == AssociationState.Ended)
            .Where(a => !db.AssociationEligibility.Any(e => e.AssociationId == a.Id))
            .AsNoTracking()
            .ToListAsync(ct);
        foreach (var association in missing)
        {
            await WriteAsync(db, await EvaluateAsync(db, association, ct), replace: false, ct);
        }
    }

    /// <summary>
    /// The facts <see cref="EligibilityRules"/> read changed (a directory import, an MPN ID's
    /// enrolments): evaluates the Active associations of <paramref name="scope"/> again and
    /// replaces their verdicts. Ended associations keep the verdict of their end.
    /// </summary>
    public async Task ReevaluateAsync(CporDb db, IQueryable<Association> scope, CancellationToken ct)
    {
        var active = await scope.Where(a => a.State == AssociationState.Active).AsNoTracking().ToListAsync(ct);
        foreach (var association in active)
        {
            await WriteAsync(db, await EvaluateAsync(db, association, ct), replace: true, ct);
        }
    }

    private static async Task WriteAsync(CporDb db, AssociationEligibility row, bool replace, CancellationToken ct)
    {
        var reasons = JsonSerializer.Serialize(row.Reasons, Json);
        if (replace)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO association_eligibility (association_id, eligible, program_id, reasons, evaluated_at)
                VALUES ({row.AssociationId}, {row.Eligible}, {row.ProgramId}, CAST({reasons} AS jsonb), {row.EvaluatedAt})
                ON CONFLICT (association_id) DO UPDATE SET eligible = EXCLUDED.eligible, program_id = EXCLUDED.program_id,
                    reasons = EXCLUDED.reasons, evaluated_at = EXCLUDED.evaluated_at
                """,
                ct);
        }
        else
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO association_eligibility (association_id, eligible, program_id, reasons, evaluated_at)
                VALUES ({row.AssociationId}, {row.Eligible}, {row.ProgramId}, CAST({reasons} AS jsonb), {row.EvaluatedAt})
                ON CONFLICT (association_id) DO NOTHING
                """,
                ct);
        }
    }

    private AssociationEligibility Verdict(Association association, List<string>? programs, Subscription? subscription, bool workloadEnabled)
    {
        var now = time.GetUtcNow();
        var facts = new EligibilityFacts(programs, subscription?.ToInfo(), subscription?.EndsAt, workloadEnabled, now);
        return AssociationEligibility.From(association.Id, EligibilityRules.Evaluate(association, facts), now);
    }

    /// <summary>The enrolments of the claim's MPN ID while it is still a location of the association's organisation.</summary>
    private static IQueryable<List<string>> MpnPrograms(CporDb db, Association a) =>
        db.PartnerLocations.AsNoTracking().Where(l => l.MpnId == a.MpnId && l.PartnerOrgId == a.PartnerOrgId).Select(l => l.Programs);

    private static IQueryable<Subscription> SubscriptionOf(CporDb db, Association a) =>
        db.Subscriptions.AsNoTracking().Where(s => s.Id == a.SubscriptionId);

    private static IQueryable<TenantWorkload> WorkloadOf(CporDb db, Association a) =>
        db.TenantWorkloads.AsNoTracking().Where(w => w.TenantId == a.TenantId && w.ProductId == a.ProductId);
}
