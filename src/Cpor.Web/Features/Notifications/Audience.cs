namespace Cpor.Web.Features.Notifications;

/// <summary>Groups of people an e-mail goes to.</summary>
public enum Audience
{
    /// <summary>Every user of the claim's partner organisation.</summary>
    Partner,

    /// <summary>Customer admins of the claim's tenant.</summary>
    CustomerAdmins,

    /// <summary>Program reviewers.</summary>
    Reviewers,
}
