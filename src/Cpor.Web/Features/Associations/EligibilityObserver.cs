using Cpor.Domain;
using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Associations;

/// <summary>
/// CPOR.md §10: when a claim becomes Active — the consent window ended, or a legacy association was
/// imported — each of its associations is evaluated against its program, and the verdict is
/// written in the same transaction as the status change: no Active association without a verdict,
/// no verdict for a change that rolled back. Scoped: one per <see cref="CporDb"/>.
/// </summary>
public sealed class EligibilityObserver(EligibilityEvaluator evaluator) : IClaimEventObserver
{
    private readonly Dictionary<string, AssociationEligibility> _added = [];

    public void OnClaimEvents(CporDb db, Claim claim, IReadOnlyList<ClaimEvent> events)
    {
        if (!events.Any(e => e.Kind == ClaimEventKind.StatusChanged && e.ToStatus == ClaimStatus.Active))
        {
            return;
        }

        // Made official by these events — even if the same change also ended it before saving.
        foreach (var association in claim.Associations.Where(a => a.ActiveFrom is not null))
        {
            // A failed save retried on the same context calls observers again with the same events;
            // a verdict that was detached since (the caller gave up on it) is written again.
            if (_added.TryGetValue(association.Id, out var pending) && db.Entry(pending).State != EntityState.Detached)
            {
                continue;
            }

            var verdict = evaluator.Evaluate(db, association);
            db.AssociationEligibility.Add(verdict);
            _added[association.Id] = verdict;
        }
    }
}
