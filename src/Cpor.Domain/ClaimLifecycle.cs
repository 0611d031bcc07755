namespace Cpor.Domain;

/// <summary>
/// The whole transition table of CPOR.md §5 in one place. Every change of status — partner,
/// reviewer, customer or clock — asks this table first; anything not listed is
/// <c>invalid_transition</c>, always, never silently ignored.
/// </summary>
public static class ClaimLifecycle
{
    /// <summary>The status <paramref name="action"/> leads to from <paramref name="from"/>, or null when not allowed.</summary>
    public static ClaimStatus? Target(ClaimStatus from, ClaimAction action) => from switch
    {
        ClaimStatus.Draft => action switch
        {
            ClaimAction.Submit => ClaimStatus.Submitted,
            ClaimAction.Withdraw => ClaimStatus.Rejected,
            _ => null,
        },
        ClaimStatus.Submitted => action switch
        {
            ClaimAction.StartReview => ClaimStatus.InReview,
            ClaimAction.Withdraw => ClaimStatus.Rejected,
            _ => null,
        },
        ClaimStatus.InReview => action switch
        {
            ClaimAction.RequestInfo => ClaimStatus.PartnerActionRequired,
            ClaimAction.Approve => ClaimStatus.Approved,
            ClaimAction.Reject => ClaimStatus.Rejected,
            ClaimAction.Withdraw => ClaimStatus.Rejected,
            _ => null,
        },
        ClaimStatus.PartnerActionRequired => action switch
        {
            ClaimAction.Submit => ClaimStatus.Submitted,
            ClaimAction.PartnerResponseTimeout => ClaimStatus.Rejected,
            ClaimAction.Withdraw => ClaimStatus.Rejected,
            _ => null,
        },
        ClaimStatus.Approved => action switch
        {
            ClaimAction.ConsentWindowEnd => ClaimStatus.Active,
            ClaimAction.OptOut => ClaimStatus.Rejected,
            ClaimAction.Withdraw => ClaimStatus.Rejected,
            ClaimAction.Supersede => ClaimStatus.Ended,
            _ => null,
        },
        ClaimStatus.Active => action switch
        {
            ClaimAction.EndAssociation => ClaimStatus.Ended,
            ClaimAction.Supersede => ClaimStatus.Ended,
            ClaimAction.Withdraw => ClaimStatus.Ended,
            _ => null,
        },
        ClaimStatus.Rejected => action switch
        {
            ClaimAction.Dispute => ClaimStatus.Disputed,
            _ => null,
        },
        ClaimStatus.Disputed => action switch
        {
            ClaimAction.StartReview => ClaimStatus.InReview,
            ClaimAction.Approve => ClaimStatus.Approved,
            ClaimAction.Reject => ClaimStatus.Rejected,
            ClaimAction.Withdraw => ClaimStatus.Rejected,
            _ => null,
        },
        ClaimStatus.Ended => null,
    };

    /// <summary>True for the statuses in which the claim still counts against its units (all but Rejected and Ended).</summary>
    public static bool IsOpen(ClaimStatus status) => status switch
    {
        ClaimStatus.Rejected or ClaimStatus.Ended => false,
        ClaimStatus.Draft or ClaimStatus.Submitted or ClaimStatus.InReview or ClaimStatus.PartnerActionRequired
            or ClaimStatus.Approved or ClaimStatus.Active or ClaimStatus.Disputed => true,
    };

    /// <summary>True when the claim's partner holds its units (the association exists).</summary>
    public static bool HoldsUnits(ClaimStatus status) => status switch
    {
        ClaimStatus.Approved or ClaimStatus.Active => true,
        ClaimStatus.Draft or ClaimStatus.Submitted or ClaimStatus.InReview or ClaimStatus.PartnerActionRequired
            or ClaimStatus.Rejected or ClaimStatus.Disputed or ClaimStatus.Ended => false,
    };

    /// <summary>The partner-editable fields of CPOR.md §5 in each status.</summary>
    public static EditScope EditScopeOf(ClaimStatus status) => status switch
    {
        ClaimStatus.Draft => EditScope.Everything,
        ClaimStatus.Submitted or ClaimStatus.PartnerActionRequired => EditScope.MpnProductsContacts,
        ClaimStatus.InReview or ClaimStatus.Approved or ClaimStatus.Active or ClaimStatus.Rejected
            or ClaimStatus.Disputed or ClaimStatus.Ended => EditScope.Nothing,
    };

    /// <summary>
    /// Whether the partner may change <paramref name="field"/> (a JSON field name such as
    /// <c>mpnId</c>, or a path such as <c>customerContact.email</c>) in <paramref name="status"/>.
    /// </summary>
    public static bool CanEdit(ClaimStatus status, string field) => EditScopeOf(status) switch
    {
        EditScope.Everything => true,
        EditScope.Nothing => false,
        EditScope.MpnProductsContacts => field.Split('.')[0] is "mpnId" or "products" or "customerContact" or "technicalContact" or "partnerContact",
    };

    /// <summary>
    /// The <c>field_not_editable</c> refusal of <paramref name="field"/>: its arguments are the status and what that
    /// status lets change (<see cref="EditScope"/>), so the message names both in the reader's language.
    /// </summary>
    public static DomainError NotEditable(ClaimStatus status, string field) =>
        new(ErrorCodes.FieldNotEditable, field, status, EditScopeOf(status));

    /// <summary>
    /// Whether PoE files may be added: in every status but Ended (CPOR.md §5) — proof may back a
    /// dispute, and the newest proof of an approved or active association is what arbitration weighs.
    /// Removing files stays Draft-only (<see cref="Claim.RemoveAttachment"/>).
    /// </summary>
    public static bool AcceptsAttachments(ClaimStatus status) => status switch
    {
        ClaimStatus.Draft or ClaimStatus.Submitted or ClaimStatus.InReview or ClaimStatus.PartnerActionRequired
            or ClaimStatus.Approved or ClaimStatus.Active or ClaimStatus.Rejected or ClaimStatus.Disputed => true,
        ClaimStatus.Ended => false,
    };
}
