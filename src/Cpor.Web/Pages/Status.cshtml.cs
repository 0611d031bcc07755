using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cpor.Web.Pages;

/// <summary>The page a browser sees for an empty error answer (see <see cref="StatusPage"/>).</summary>
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int? code)
    {
        Code = code is { } known && StatusPage.Shown.Contains(known) ? known : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
    }
}
