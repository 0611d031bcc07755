namespace Cpor.Domain;

/// <summary>Everything that can move a claim from one status to another.</summary>
public enum ClaimAction
{
    /// <summary>Partner submits a draft, or resubmits after a request for information.</summary>
    Submit,

    /// <summary>Partner withdraws an open claim (Rejected, PartnerRequest) or ends its Active association.</summary>
    Withdraw,

    /// <summary>Reviewer starts validating a submitted or disputed claim.</summary>
    StartReview,

    /// <summary>Reviewer asks the partner for more information.</summary>
    RequestInfo,

    /// <summary>Reviewer approves; the customer's consent window opens.</summary>
    Approve,

    /// <summary>Reviewer rejects with a reason.</summary>
    Reject,

    /// <summary>Customer opts out during the consent window.</summary>
    OptOut,

    /// <summary>Clock: the consent window ended without an opt-out.</summary>
    ConsentWindowEnd,

    /// <summary>Clock: the partner did not answer a request for information in time.</summary>
    PartnerResponseTimeout,

    /// <summary>Partner disputes a rejection.</summary>
    Dispute,

    /// <summary>The customer ends the Active associations, or the last unit of an Active claim ends (subscription ended, workload removed).</summary>
    EndAssociation,

    /// <summary>Arbitration gave a unit to another partner and that partner's association became Active; the claim ends with its last unit.</summary>
    Supersede,
}
