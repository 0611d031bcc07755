using Cpor.Domain;
using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Associations;

/// <summary>
/// CPOR.md §10: when a claim becomes Active — the consent window ended, or a legacy association was
/// imported — each of its associations is evaluated against its program, and when an association
/// ends (one unit, or the whole claim) it is evaluated again; the verdict is written in the same
/// transaction as the change: no Active association without a verdict, no verdict for a change
/// that rolled back. Scoped: one per <see cref="CporDb"/>.
/// </summary>
public sealed class EligibilityObserver(EligibilityEvaluator evaluator) : IClaimEventObserver
{
    private readonly Dictionary<string, AssociationEligibility> _added = [];

    public void OnClaimEvents(CporDb db, Claim claim, IReadOnlyList<ClaimEvent> events)
    {
        var evaluate = new List<Association>();
        if (events.Any(e => e.Kind == ClaimEventKind.StatusChanged && e.ToStatus == ClaimStatus.Active))
        {
            // Made official by these events — even if the same change also ended it before saving.
            evaluate.AddRange(claim.Associations.Where(a => a.ActiveFrom is not null));
        }

        var endings = events
            .Where(e => e.Kind == ClaimEventKind.AssociationEnded || (e.Kind == ClaimEventKind.StatusChanged && e.ToStatus == ClaimStatus.Ended))
            .Select(e => e.At)
            .ToHashSet();
        evaluate.AddRange(claim.Associations.Where(a => a.State == AssociationState.Ended && a.EndedAt is { } at && endings.Contains(at)));

        foreach (var association in evaluate.DistinctBy(a => a.Id))
        {
            Write(db, evaluator.Evaluate(db, association));
        }
    }

    /// <summary>
    /// Adds the verdict, or replaces the one already written. A failed save retried on the same
    /// context calls observers again with the same events; a verdict that was detached since (the
    /// caller gave up on it) is written again.
    /// </summary>
    private void Write(CporDb db, AssociationEligibility verdict)
    {
        var row = _added.TryGetValue(verdict.AssociationId, out var pending) && db.Entry(pending).State != EntityState.Detached
            ? pending
            : db.AssociationEligibility.Find(verdict.AssociationId);
        if (row is null)
        {
            db.AssociationEligibility.Add(verdict);
            _added[verdict.AssociationId] = verdict;
        }
        else
        {
            row.Replace(verdict);
        }
    }
}
