using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cpor.Web.Pages.Account;

/// <summary>Shown when a signed-in person opens a page their role does not give them.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
