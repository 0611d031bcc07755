namespace Cpor.Domain;

/// <summary>Why a reviewer asked the partner for more information (several may apply).</summary>
public enum InfoRequestReason
{
    /// <summary>Proof of execution missing, or the file is unrelated.</summary>
    PoeMissing,

    /// <summary>The customer's signature or acknowledgement is missing.</summary>
    CustomerSignatureMissing,

    /// <summary>Dates missing from the proof, or too old.</summary>
    DatesMissingOrOld,

    /// <summary>The partner's solution or service is not described.</summary>
    PartnerServiceMissing,

    /// <summary>Claimed products do not appear in the proof.</summary>
    ProductsMissing,
}

/// <summary>Why a claim was rejected.</summary>
public enum RejectionReason
{
    /// <summary>The partner withdrew the claim (wrong MPN ID, wrong activity, no longer working with the customer).</summary>
    PartnerRequest,

    /// <summary>The customer opted out during the consent window.</summary>
    CustomerDenied,

    /// <summary>The proof of execution does not show the claimed influence.</summary>
    InsufficientPoe,

    /// <summary>The proof lacks the customer's consent.</summary>
    CustomerConsentMissing,

    /// <summary>The claimed products are missing from the proof.</summary>
    ProductsMissing,

    /// <summary>The partner did not answer a request for information in time.</summary>
    NoPartnerResponse,

    /// <summary>The proof of execution could not be obtained.</summary>
    PoeNotAvailable,
}

/// <summary>Why an Active association ended.</summary>
public enum EndReason
{
    /// <summary>The subscription ended or was deleted.</summary>
    SubscriptionEnded,

    /// <summary>The customer ended the association.</summary>
    CustomerEnded,

    /// <summary>Arbitration gave the unit to another partner.</summary>
    Superseded,

    /// <summary>The partner ended the association.</summary>
    PartnerEnded,
}
