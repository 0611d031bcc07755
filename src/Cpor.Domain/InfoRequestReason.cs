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
