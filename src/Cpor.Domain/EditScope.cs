namespace Cpor.Domain;

/// <summary>How much of a claim the partner may change in a status.</summary>
public enum EditScope
{
    Nothing,

    /// <summary>MPN ID, products, customer, technical and partner contacts (plus PoE files and comments).</summary>
    MpnProductsContacts,

    Everything,
}
