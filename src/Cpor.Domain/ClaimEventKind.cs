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
}
