namespace Cpor.Domain;

/// <summary>Where a claim stands in its lifecycle (CPOR.md §5). Stored as text.</summary>
public enum ClaimStatus
{
    /// <summary>Created by the partner, not yet submitted; proof of execution may still be missing.</summary>
    Draft,

    /// <summary>Submitted; a reviewer should start the review within five business days.</summary>
    Submitted,

    /// <summary>A reviewer is validating the proof of execution; decision due within five business days.</summary>
    InReview,

    /// <summary>The reviewer asked for more information; the partner must resubmit within five business days.</summary>
    PartnerActionRequired,

    /// <summary>Approved by a reviewer; the customer may opt out until the consent window ends.</summary>
    Approved,

    /// <summary>Official: the partner is the Claiming Partner of Record for the units whose association is Active (at least one).</summary>
    Active,

    /// <summary>Refused; final unless disputed within the dispute window.</summary>
    Rejected,

    /// <summary>The partner disputed a rejection; reviewers answer within five business days.</summary>
    Disputed,

    /// <summary>Every association the claim held has ended (the reason is the last one's).</summary>
    Ended,
}
