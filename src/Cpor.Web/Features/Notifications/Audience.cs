namespace Cpor.Web.Features.Notifications;

/// <summary>Groups of people an e-mail goes to.</summary>
public enum Audience
{
    /// <summary>Every user of the claim's partner organisation.</summary>
    Partner,

    /// <summary>Customer admins of the claim's tenant.</summary>
    CustomerAdmins,

    /// <summary>
    /// The customer contact the partner named on the claim: most tenants have no customer admin
    /// account, and the customer must still hear of the association and be able to opt out.
    /// </summary>
    CustomerContact,

    /// <summary>Program reviewers.</summary>
    Reviewers,
}
