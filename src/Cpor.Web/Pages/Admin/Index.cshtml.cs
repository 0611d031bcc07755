using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cpor.Web.Pages.Admin;

/// <summary>Administration home: the sections the person's role manages.</summary>
public sealed class IndexModel(CurrentUser user) : PageModel
{
    public bool IsProgramAdmin => user.IsProgramAdmin;

    public string? OwnOrganisation => user.IsProgramAdmin ? null : user.PartnerOrgId;
}
