using Cpor.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cpor.Web.Pages.Account;

/// <summary>Signs the browser out (a POST with its antiforgery token: no link can sign someone out).</summary>
public sealed class SignOutModel(SignInManager<CporUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
