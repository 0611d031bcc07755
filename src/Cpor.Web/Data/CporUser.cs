using Microsoft.AspNetCore.Identity;

namespace Cpor.Web.Data;

/// <summary>A person who signs in: a partner user, a reviewer, a program admin or a customer admin.</summary>
public sealed class CporUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for partner roles: the organisation whose claims the user sees.</summary>
    public string? PartnerOrgId { get; set; }

    /// <summary>Set for customer admins: the tenant whose claims and associations they see.</summary>
    public Guid? TenantId { get; set; }

    /// <summary>en, fr or it: the language of the user's e-mails.</summary>
    public string Language { get; set; } = "en";

    /// <summary>IANA time zone used to show deadlines.</summary>
    public string TimeZone { get; set; } = "UTC";

    public DateTimeOffset CreatedAt { get; set; }
}
