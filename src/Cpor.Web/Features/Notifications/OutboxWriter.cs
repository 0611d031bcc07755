using Cpor.Domain;
using Cpor.Web.Data;

namespace Cpor.Web.Features.Notifications;

/// <summary>
/// The outbox's writing side: called by <see cref="CporDb.SaveChangesAsync(bool, CancellationToken)"/>
/// with the history lines being saved, it adds an <see cref="OutboxEvent"/> for each line someone
/// must hear about — in the same transaction, so no notification is lost and none is invented
/// for a change that rolled back.
/// </summary>
public sealed class OutboxWriter : IClaimEventObserver
{
    public void OnClaimEvents(CporDb db, Claim claim, IReadOnlyList<ClaimEvent> events)
    {
        foreach (var e in events.Where(Notifies))
        {
            db.OutboxEvents.Add(new OutboxEvent { ClaimEvent = e, ClaimId = claim.Id, CreatedAt = e.At });
        }
    }

    /// <summary>Status changes and the program side's comments; the rest only shows in the history.</summary>
    public static bool Notifies(ClaimEvent e) => e.Kind switch
    {
        ClaimEventKind.StatusChanged => true,
        ClaimEventKind.CommentAdded => e.ActorKind is ActorKind.Reviewer or ActorKind.System,
        ClaimEventKind.Created or ClaimEventKind.Edited or ClaimEventKind.AttachmentAdded or ClaimEventKind.AttachmentRemoved
            or ClaimEventKind.MarkedCompeting or ClaimEventKind.DisputeWindowClosed
            or ClaimEventKind.AssociationEnded or ClaimEventKind.HandoverPending or ClaimEventKind.HandoverCancelled => false,
    };
}
