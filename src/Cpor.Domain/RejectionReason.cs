namespace Cpor.Domain;

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
