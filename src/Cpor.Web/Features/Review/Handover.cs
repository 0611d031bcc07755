using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Review;

/// <summary>
/// The handover of CPOR.md §6 (docs/decisions/0010-associations-per-unit.md): arbitration promises
/// an incumbent's units to a challenger (<see cref="ApproveClaim"/>); they change hands when the
/// challenger's associations become Active (the clock), and stay where they were when the
/// challenger stops holding them first (the customer opts out, the partner withdraws).
/// <para>
/// Every change that can settle a handover takes the locks of <see cref="Arbitration"/> — the
/// units, then the challenger and its incumbents in id order — so an opt-out and the end of the
/// consent window, or two approvals, queue up. The unique indexes are checked row by row, so
/// the order of the writes matters and each step saves before the next: the incumbent's units end
/// before the challenger's become Active, the challenger's are cancelled before the incumbent's
/// are kept.
/// </para>
/// </summary>
public sealed class Handover(CporDb db, ClaimCommands commands, Arbitration arbitration)
{
    /// <summary>The claims holding units promised to <paramref name="challengerClaimId"/>, in id order.</summary>
    public Task<List<string>> IncumbentIdsAsync(string challengerClaimId, CancellationToken ct) =>
        db.Associations.AsNoTracking()
            .Where(a => a.SupersededByClaimId == challengerClaimId && (a.State == AssociationState.Approved || a.State == AssociationState.Active))
            .Select(a => a.ClaimId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(ct);

    /// <summary>Locks the claim's units, then the claim and its incumbents (found under the unit locks) in id order.</summary>
    public async Task<List<string>> LockAsync(string claimId, CancellationToken ct)
    {
        await arbitration.LockUnitsAsync(await arbitration.UnitKeysAsync(claimId, ct), ct);
        var incumbents = await IncumbentIdsAsync(claimId, ct);
        await arbitration.LockInOrderAsync([claimId, .. incumbents], ct);
        return incumbents;
    }

    /// <summary>
    /// <paramref name="options"/> for a change that may end the claim's hold on its units
    /// (withdrawal, opt-out): the locks come first, and the incumbents found land in <paramref name="incumbents"/>.
    /// </summary>
    public ClaimChangeOptions Releasing(string claimId, ClaimChangeOptions options, List<string> incumbents) =>
        options with { LockFirst = async ct => incumbents.AddRange(await LockAsync(claimId, ct)) };

    /// <summary>
    /// After a change of <paramref name="challenger"/>: when it no longer holds any unit, the
    /// incumbents keep theirs as if nothing had happened. Saves the challenger first.
    /// </summary>
    public async Task<IReadOnlyList<DomainError>> ReleaseAsync(Claim challenger, IReadOnlyList<string> incumbents, TransitionContext ctx, CancellationToken ct)
    {
        if (incumbents.Count == 0 || challenger.Associations.Any(a => a.HoldsUnit))
        {
            return [];
        }

        if (await commands.SaveAsync(challenger, ct) is { } saveError)
        {
            return [saveError];
        }

        var system = ctx with { Actor = Actor.System };
        foreach (var id in incumbents)
        {
            // The list was read before this row's lock: the customer or the clock may have ended
            // the incumbent's units meanwhile, and then there is nothing left to keep.
            if (await commands.LoadForUpdateAsync(id, ct) is { } incumbent && IsPromisedTo(incumbent, challenger)
                && incumbent.KeepUnits(challenger.Id, system) is { } error)
            {
                return [error];
            }
        }

        return [];
    }

    /// <summary>
    /// Before <paramref name="challenger"/>'s associations become Active: the incumbents' units
    /// promised to it end (Superseded) and are saved, so that the unit has one Active association
    /// at every moment.
    /// </summary>
    public async Task<DomainError?> CompleteAsync(Claim challenger, IReadOnlyList<string> incumbents, TransitionContext ctx, CancellationToken ct)
    {
        if (incumbents.Count == 0)
        {
            return null;
        }

        foreach (var id in incumbents)
        {
            // As in ReleaseAsync: an incumbent whose promised units ended meanwhile has nothing to hand over.
            if (await commands.LoadForUpdateAsync(id, ct) is { } incumbent && IsPromisedTo(incumbent, challenger)
                && incumbent.Supersede(challenger.Id, ctx) is { } error)
            {
                return error;
            }
        }

        return await commands.SaveAsync(challenger, ct);
    }

    /// <summary>The locked incumbent still holds a unit promised to the challenger.</summary>
    private static bool IsPromisedTo(Claim incumbent, Claim challenger) =>
        incumbent.Associations.Any(a => a.HoldsUnit && a.SupersededByClaimId == challenger.Id);
}
