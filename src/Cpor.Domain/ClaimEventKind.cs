namespace Cpor.Domain;

/// <summary>What kind of entry a history line is.</summary>
public enum ClaimEventKind
{
    Created,
    Edited,
    StatusChanged,
    CommentAdded,
    AttachmentAdded,
    AttachmentRemoved,
    MarkedCompeting,
    DisputeWindowClosed,

    /// <summary>One unit's association ended while the claim keeps its other units.</summary>
    AssociationEnded,

    /// <summary>Arbitration gave units to another claim: they are handed over when its associations become Active.</summary>
    HandoverPending,

    /// <summary>The claim the units were to be handed over to will not take them (opt-out, withdrawal): this claim keeps them.</summary>
    HandoverCancelled,
}
