using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cpor.Web.Pages;

/// <summary>
/// Where a person lands after signing in: partners go to their claims, reviewers to the review
/// queue, customer admins to their tenant's claims, program admins to administration.
/// </summary>
public sealed class HomeModel(CurrentUser user) : PageModel
{
    public IActionResult OnGet() =>
        user.IsPartner ? LocalRedirect("/Partner/Claims")
        : user.IsReviewer ? LocalRedirect("/Review")
        : user.IsCustomerAdmin ? LocalRedirect("/Customer")
        : user.IsProgramAdmin ? LocalRedirect("/Admin")
        : Page();
}
