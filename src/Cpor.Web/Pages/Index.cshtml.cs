using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Demo;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Pages;

/// <summary>The start page: the cookie sign-in form (with the demo accounts in demo mode); signed in, it leads home.</summary>
public sealed class IndexModel(
    SignInManager<CporUser> signIn, CporDb db, IOptions<CporOptions> options, IStringLocalizer<ErrorMessages> messages) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public bool DemoEnabled => options.Value.Demo.Enabled;

    public string DemoPassword => options.Value.Demo.Password;

    /// <summary>The demo accounts as they are in the database: who they are, where, and the language they work in.</summary>
    public IReadOnlyList<DemoSignIn> DemoAccounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl);
        }

        await LoadDemoAccountsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            return await RefusedAsync(new DomainError(ErrorCodes.ValueRequired, string.IsNullOrWhiteSpace(Email) ? "email" : "password"), ct);
        }

        return await SignInAsync(Email.Trim(), Password, ct);
    }

    /// <summary>Demo mode: one click on a demo account signs in as it, with the demo password the server knows.</summary>
    public async Task<IActionResult> OnPostDemoAsync(CancellationToken ct)
    {
        if (!DemoEnabled || !DemoWorld.Accounts.Any(a => string.Equals(a.Email, Email, StringComparison.OrdinalIgnoreCase)))
        {
            return NotFound();
        }

        return await SignInAsync(Email!, DemoPassword, ct);
    }

    private async Task<IActionResult> SignInAsync(string email, string password, CancellationToken ct)
    {
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return await RefusedAsync(new DomainError(result.IsLockedOut ? ErrorCodes.RateLimited : ErrorCodes.InvalidCredentials), ct);
        }

        return LocalRedirect(SafeReturnUrl);
    }

    private string SafeReturnUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url != "/" ? url : WebUi.HomePage;

    private async Task<PageResult> RefusedAsync(DomainError error, CancellationToken ct)
    {
        Password = null;
        Errors = FormErrors.From([error], messages);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadDemoAccountsAsync(ct);
        return Page();
    }

    private async Task LoadDemoAccountsAsync(CancellationToken ct)
    {
        if (!DemoEnabled)
        {
            return;
        }

        var emails = DemoWorld.Accounts.Select(a => a.Email).ToList();
        var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, ct);
        var orgs = await db.PartnerOrgs.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var tenantIds = users.Values.Select(u => u.TenantId).OfType<Guid>().ToList();
        var tenants = await db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        DemoAccounts =
        [
            .. DemoWorld.Accounts.Where(a => users.ContainsKey(a.Email)).Select(a =>
            {
                var user = users[a.Email];
                var place = user.PartnerOrgId is { } org ? orgs.GetValueOrDefault(org) : user.TenantId is { } tenant ? tenants.GetValueOrDefault(tenant) : null;
                return new DemoSignIn(a.Email, a.Role, user.DisplayName, place, user.Language);
            }),
        ];
    }
}
